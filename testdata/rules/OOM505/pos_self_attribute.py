from tensorflow.keras.models import load_model


class Service:
    def __init__(self, path):
        self.model = load_model(path)

    def run(self, requests):
        results = []
        for req in requests:
            # error: OOM505 "`self.model.predict(req.features)`"
            results.append(self.model.predict(req.features))
        return results
