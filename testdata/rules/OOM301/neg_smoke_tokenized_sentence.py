# A module's self-test: one forward of a loaded model on one tokenized literal sentence.
from transformers import AutoModel, AutoTokenizer


def test():
    model = AutoModel.from_pretrained("roberta-base")
    tokenizer = AutoTokenizer.from_pretrained("roberta-base")
    model.cuda()
    inputs = tokenizer("Hello, my dog is", return_tensors="pt").to(model.device)
    outputs = model(**inputs)
    print(outputs.last_hidden_state.shape)


if __name__ == "__main__":
    test()
