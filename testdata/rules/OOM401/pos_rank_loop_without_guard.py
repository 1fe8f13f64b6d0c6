from transformers import AutoModelForCausalLM


def load_everywhere(world_size, path, global_rank):
    # no guard on the loop variable: every process loads world_size models in turn
    for rank in range(world_size):
        if global_rank >= 0:
            # error: OOM401
            model = AutoModelForCausalLM.from_pretrained(path).to(f"cuda:{rank}")
            evaluate(model)
