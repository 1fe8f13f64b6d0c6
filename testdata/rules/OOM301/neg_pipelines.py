# Pipelines run their models under no_grad themselves.
from diffusers import DiffusionPipeline
from transformers import pipeline

generator = DiffusionPipeline.from_pretrained("anton-l/ddpm-butterflies-128").to("cuda")
image = generator().images[0]


def get_generator(path):
    generator = pipeline("text-generation", model=path, device=0)
    return generator


def get_model_response(generator, user_input):
    return generator(user_input, max_new_tokens=32)


def main():
    chat = get_generator("facebook/opt-1.3b")
    while True:
        print(get_model_response(chat, input()))


if __name__ == "__main__":
    main()
