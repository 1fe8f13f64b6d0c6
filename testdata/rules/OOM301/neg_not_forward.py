# Calls that are no forward pass: deleting an endpoint, upcasting a VAE, building a wrapper object,
# a local generator function handed back by a factory.
import torch
from diffusers import AutoPipelineForText2Image
from lm_eval_wrappers import _LLMEvalWrapper

pipe = AutoPipelineForText2Image.from_pretrained("stabilityai/sdxl-turbo", torch_dtype=torch.float16).to("cuda")
pipe.upcast_vae()
eval_model_wrapper = _LLMEvalWrapper
wrapped = eval_model_wrapper(pipe, device="cuda")
predictor = wrapped.deploy()
predictor.delete_model()


def get_iterator(paths):
    net = torch.load("model.pt").cuda()

    def iterate():
        for p in paths:
            with torch.no_grad():
                yield net(torch.load(p).cuda())

    return iterate, len(paths)


generator, num = get_iterator(["a.pt", "b.pt"])
for feats in generator():
    print(feats.shape)
