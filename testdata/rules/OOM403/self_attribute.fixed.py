from transformers import AutoModelForCausalLM


class Predictor:
    def __init__(self, path):
        self.model = AutoModelForCausalLM.from_pretrained(path, torch_dtype="auto")  # error: [OOM403]

    def setup(self):
        self.model.to(0)

    def predict(self, ids):
        return self.model.generate(ids)
