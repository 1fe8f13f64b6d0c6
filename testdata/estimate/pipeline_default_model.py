"""A pipeline without model=: the task's default model, which oomlint does not size."""
from transformers import pipeline

classifier = pipeline("sentiment-analysis")
print(classifier("I love this GPU"))
