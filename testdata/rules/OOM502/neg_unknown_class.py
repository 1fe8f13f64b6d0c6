def load(model_cls, name):
    return model_cls.from_pretrained(name, load_in_8bit=True)


class LocalModel:
    @classmethod
    def from_pretrained(cls, name, load_in_8bit=False):
        return cls()


m = LocalModel.from_pretrained("x", load_in_8bit=True)
