from transformers import AutoModel

model = None
for batch in loader:
    if model is None:
        model = AutoModel.from_pretrained("bert-base-uncased").cuda()
    out = model(**batch)


class Cache:
    def get(self, key):
        while self.pipe is None:
            self.pipe = load_pipe()
        return self.pipe
