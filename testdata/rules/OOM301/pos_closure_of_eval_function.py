# A helper defined inside an evaluation function, and only called there, runs as part of it: its
# forward pass (through a wrapper's get_backend_model()) records autograd too.
import torch


class SpeculativeRunner:
    def __init__(self, wrapper):
        self.wrapper = wrapper.to("cuda")

    def inference(self, model, draft, prompt, steps):
        inputs = model.encode(prompt, return_tensors="pt").to("cuda")

        def verify(ids):
            # error: OOM301 "a helper of the evaluation function `inference`"
            out = model.get_backend_model()(input_ids=ids, return_dict=True)
            return out.logits.argmax(-1)

        for _ in range(steps):
            guess = draft.generate(inputs, max_new_tokens=4)
            inputs = verify(guess)
        return model.decode(inputs[0])
