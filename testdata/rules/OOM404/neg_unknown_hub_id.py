# oomlint-config: gpu-memory = "1GiB"
# Neither in the catalogue nor tagged with a size: unknown, no number, no finding.
from transformers import AutoModel

model = AutoModel.from_pretrained("acme/mystery-encoder").cuda()
