from transformers import pipeline

for text in texts:
    # error: OOM401 "`classifier`"
    classifier = pipeline("sentiment-analysis", device=0)
    print(classifier(text))
