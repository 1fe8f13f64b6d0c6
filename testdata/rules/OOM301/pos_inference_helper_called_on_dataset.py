# The same helper, but one call runs it over every review of the test set.
import torch
from torchtext import data

device = torch.device("cuda")


def sentiment_inference(model, sentence):
    model.eval()
    tokenized = data.get_tokenizer("basic_english")(sentence)
    tokenized = [TEXT_FIELD.vocab.stoi[t] for t in tokenized]
    model_input = torch.LongTensor(tokenized).to(device).unsqueeze(1)
    # error: OOM301 "`model(model_input)`"
    return torch.sigmoid(model(model_input)).item()


lstm_model = LSTM(vocab_size, 100, 32).to(device)
print(sentiment_inference(lstm_model, "This film is horrible"))
scores = [sentiment_inference(lstm_model, review) for review in test_reviews]
