# A notebook's helper runs the model once on one sentence, and every call passes a literal: a smoke
# test of a trained model, one short forward pass at a time.
import torch
from torchtext import data

device = torch.device("cuda")


def sentiment_inference(model, sentence):
    model.eval()
    tokenized = data.get_tokenizer("basic_english")(sentence)
    tokenized = [TEXT_FIELD.vocab.stoi[t] for t in tokenized]
    model_input = torch.LongTensor(tokenized).to(device)
    model_input = model_input.unsqueeze(1)
    return torch.sigmoid(model(model_input)).item()


lstm_model = LSTM(vocab_size, 100, 32).to(device)
train(lstm_model)
print(sentiment_inference(lstm_model, "This film is horrible"))
print(sentiment_inference(lstm_model, "Director tried too hard but this film is bad"))
