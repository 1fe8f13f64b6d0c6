from transformers import pipeline

pipe = pipeline(task="image-feature-extraction", model="google/vit-base-patch16-384", device=0, pool=True)
outputs = pipe([image_real, image_gen])
pipe = pipeline(task="image-feature-extraction", model="google/vit-base-patch16-224", device=0)
