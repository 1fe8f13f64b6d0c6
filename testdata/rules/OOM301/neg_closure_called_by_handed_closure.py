# A helper of an evaluation function that only another closure calls, and that closure is handed to
# a sampler (which may disable grad itself, as samplers do): the file cannot tell the grad mode.
import torch
from .solvers import Solver


def evaluate(net, contexts, steps):
    net = net.to("cuda").eval()

    def guided(x, t, context):
        cond = net(x, t, context=context)
        uncond = net(x, t, context=torch.zeros_like(context))
        return uncond + 3.0 * (cond - uncond)

    samples = []
    for context in contexts:

        def model_fn(x, t):
            return guided(x, t, context)

        solver = Solver(model_fn)
        samples.append(solver.sample(torch.randn(4, 4, 32, 32, device="cuda"), steps=steps))
    return samples
