import torch

device = torch.device("cuda")
classifier = SurnameClassifier(64, 300, 18).to(device)
train(classifier, loader)


def predict_nationality(surname, classifier, vectorizer):
    vec = torch.tensor(vectorizer.vectorize(surname)).view(1, -1).to(device)
    # error: OOM301
    result = classifier(vec, apply_softmax=True)
    return result.max(dim=1)


for batch in test_loader:
    print([predict_nationality(s, classifier, vectorizer) for s in batch])
cpu_model = classifier.to("cpu")
print(predict_nationality("Wan", cpu_model, vectorizer))
