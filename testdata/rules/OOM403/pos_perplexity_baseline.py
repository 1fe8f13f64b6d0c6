import torch
from transformers import GPT2LMHeadModel, GPT2TokenizerFast

# perplexity in float32 is deliberate; the finding is still reported: silence it with `# noqa: OOM403`
device = "cuda"
model_id = "openai-community/gpt2-large"
# error: OOM403
model = GPT2LMHeadModel.from_pretrained(model_id).to(device)
tokenizer = GPT2TokenizerFast.from_pretrained(model_id)
with torch.no_grad():
    nll = model(input_ids, labels=input_ids).loss
ppl = torch.exp(nll)
