def load_reward_model(path):
    from transformers import AutoModelForSequenceClassification

    return AutoModelForSequenceClassification.from_pretrained(
        path,
        num_labels=1,
        # error: OOM502
        load_in_8bit=True,
    )
