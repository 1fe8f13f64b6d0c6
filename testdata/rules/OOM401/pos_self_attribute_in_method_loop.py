from transformers import AutoModelForSequenceClassification


class Sweep:
    def run(self, paths):
        for p in paths:
            # error: OOM401
            self.model = AutoModelForSequenceClassification.from_pretrained(p)
            self.model.cuda()
            self.log(p, self.evaluate())
