import io

import torch


def broadcast(obj, src):
    buffer = io.BytesIO()
    torch.save(obj, buffer)
    data = send_bytes(buffer.getvalue(), src)
    # keeps the dtype and device of every tensor, on purpose
    return torch.load(io.BytesIO(data))


class Launcher:
    def get_extra_results(self, metrics):
        buffer = io.BytesIO()
        torch.save(metrics, buffer)
        return buffer.getvalue()

    def update_results(self, payload):
        return torch.load(io.BytesIO(payload), weights_only=True)


def check_roundtrip(model, path):
    torch.save(model.state_dict(), path)
    return torch.load(path)
