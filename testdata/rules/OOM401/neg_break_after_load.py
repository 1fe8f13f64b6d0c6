import time

from transformers import AutoModel

for attempt in range(5):
    try:
        model = AutoModel.from_pretrained(repo_id)
        break
    except OSError:
        time.sleep(2**attempt)
