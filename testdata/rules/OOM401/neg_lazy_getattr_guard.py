from transformers import CLIPVisionModelWithProjection


class Loader:
    def load_adapters(self, paths):
        for path in paths:
            if getattr(self, "image_encoder", None) is None:
                image_encoder = CLIPVisionModelWithProjection.from_pretrained(path).to(self.device)
                self.register_modules(image_encoder=image_encoder)
