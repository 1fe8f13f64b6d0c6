from transformers import pipeline

pipe = pipeline("text-generation", model=model_id, model_kwargs={"load_in_8bit": True})
