import torch


def greedy_generate(model, input_ids, max_new_tokens=256):
    model.to("cuda")
    input_ids = input_ids.to("cuda")
    past = None
    generated = input_ids
    for _ in range(max_new_tokens):
        # error: OOM304 "run the loop under `torch.inference_mode()`"
        outputs = model(input_ids=input_ids, past_key_values=past, use_cache=True)
        past = outputs.past_key_values
        input_ids = torch.argmax(outputs.logits[:, -1, :], dim=-1, keepdim=True)
        generated = torch.cat([generated, input_ids], dim=-1)
    return generated
