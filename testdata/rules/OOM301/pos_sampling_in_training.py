# The trainer of another module calls sample() every few steps, with grad on.
import torch


class Trainer:
    def __init__(self, model, text, optimizer):
        self.device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
        self.model = model.to(self.device)
        self.text = text
        self.optimizer = optimizer

    def step(self, data, target):
        loss = torch.nn.functional.cross_entropy(self.model(data.to(self.device)), target.to(self.device))
        loss.backward()
        self.optimizer.step()
        self.optimizer.zero_grad()

    def sample(self, prompt):
        for _ in range(25):
            data = self.text.text_to_i(prompt).unsqueeze(-1).to(self.device)
            # error: OOM301 "in `sample`, a sampling function of a training script"
            output = self.model(data)
            prompt += self.text.itos[output.argmax(dim=-1)[-1].item()]
        print(prompt)
