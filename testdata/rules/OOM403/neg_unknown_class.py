from mylab.models import ResearchModel


def build(cls, name):
    return cls.from_pretrained(name).cuda()


model = ResearchModel.from_pretrained("ckpt", device_map="auto")
