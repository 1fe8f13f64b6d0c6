from diffusers import DiffusionPipeline


class TestDeviceMap:
    def check_balanced(self):
        pipe = DiffusionPipeline.from_pretrained("hf-internal-testing/tiny-stable-diffusion-torch", device_map="balanced")
        assert pipe.hf_device_map


def test_cuda_placement():
    pipe = DiffusionPipeline.from_pretrained("hf-internal-testing/tiny-stable-diffusion-torch").to("cuda")
    assert pipe.device.type == "cuda"
