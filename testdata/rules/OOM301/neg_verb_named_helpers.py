import torch

model = load().to("cuda")


def valid_json_reward(completions, parse_llm_action, format_model_prompt):
    # helpers passed in (a marimo cell's arguments) whose names start with a verb: string parsers and
    # formatters, not models, although "llm" and "model" are in their names
    scores = []
    for completion in completions:
        action = parse_llm_action(completion[0]["content"])
        prompt = format_model_prompt(action)
        scores.append(score(prompt))
    return scores
