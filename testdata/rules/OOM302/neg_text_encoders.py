import torch


@torch.no_grad()
def encode_prompt(prompts, tokenizers, text_encoders, device):
    prompt_embeds_list = []
    for prompt, tokenizer, text_encoder in zip(prompts, tokenizers, text_encoders):
        ids = tokenizer(prompt, return_tensors="pt").input_ids.to(device)
        prompt_embeds = text_encoder(ids, output_hidden_states=True)
        prompt_embeds_list.append(prompt_embeds.hidden_states[-2])
    return torch.concat(prompt_embeds_list, dim=-1)
