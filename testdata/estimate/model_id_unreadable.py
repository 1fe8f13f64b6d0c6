"""The model id is computed at run time: oomlint says so and gives no number."""
import sys

from transformers import AutoModel

model = AutoModel.from_pretrained(sys.argv[1])
