# A model wrapper that forwards encode/decode to its tokenizer: the keywords only a tokenizer takes
# (return_tensors=, skip_special_tokens=) or decoding one unbatched sequence (ids[0]) say these calls
# tokenize; `inference` is the wrapper's own method, which disables grad itself.
import torch


class Evaluator:
    def __init__(self, model):
        self.model = model
        self.device = torch.device("cuda")

    def evaluate(self, model, prompts, template):
        texts = [template.format(input=p["input"]) for p in prompts]
        batch = model.encode(texts, return_tensors="pt", padding=True).to(self.device)
        outputs = model.inference(batch["input_ids"], max_new_tokens=64)
        answers = model.decode(outputs, skip_special_tokens=True)
        first = model.decode(outputs[0])
        prompt = model.decode(batch["input_ids"][0, :16])
        return answers, first, prompt
