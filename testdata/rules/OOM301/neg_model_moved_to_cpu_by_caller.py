import torch

device = torch.device("cuda")
classifier = SurnameClassifier(64, 300, 18).to(device)
train(classifier, loader)


def predict_nationality(surname, classifier, vectorizer):
    vec = torch.tensor(vectorizer.vectorize(surname)).view(1, -1)
    result = classifier(vec, apply_softmax=True)
    return result.max(dim=1)


# the caller moves the model back to the CPU first: the forward pass holds no GPU memory
classifier = classifier.to("cpu")
for surname in ["McMahan", "Nakamoto", "Wan", "Cho"]:
    print(predict_nationality(surname, classifier, vectorizer))
