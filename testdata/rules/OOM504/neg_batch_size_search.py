# A batch-size search builds a fresh model (from an imported class) on every pass: emptying the cache
# between the attempts is the documented use.
import torch
from previous_chapters import GPTModel

device = torch.device("cuda")
for size in model_configs:
    batch_size = 4096
    while batch_size > 0:
        try:
            model = GPTModel(model_configs[size]).bfloat16().to(device)
            model.train()
            loss = model(torch.randint(0, 50257, (batch_size, 1024), device=device)).sum()
            loss.backward()
            del model, loss
            torch.cuda.empty_cache()
            break
        except RuntimeError:
            batch_size //= 2
