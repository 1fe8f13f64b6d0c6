# After fine-tuning, one question about one literal passage: a single forward pass on literal text.
import torch
from transformers import DistilBertForQuestionAnswering, DistilBertTokenizerFast

tokenizer = DistilBertTokenizerFast.from_pretrained("tokenizer/")
pytorch_model = DistilBertForQuestionAnswering.from_pretrained("model/pytorch")
device = torch.device("cuda") if torch.cuda.is_available() else torch.device("cpu")
pytorch_model.to(device)
question, text = "What is east of the hallway?", "The kitchen is east of the hallway. The garden is south of the bedroom."
input_dict = tokenizer(text, question, return_tensors="pt")
input_ids = input_dict["input_ids"].to(device)
attention_mask = input_dict["attention_mask"].to(device)
outputs = pytorch_model(input_ids, attention_mask=attention_mask)
start, end = torch.argmax(outputs[0], 1)[0], torch.argmax(outputs[1], 1)[0]
print(question, tokenizer.decode(input_dict["input_ids"][0][start:end + 1]))
