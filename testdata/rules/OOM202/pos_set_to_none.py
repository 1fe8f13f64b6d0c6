import torch

opt = torch.optim.AdamW(net.parameters(), lr=1e-3)
for batch in loader:
    out = net(batch)
    out.loss.backward()
    # error: OOM202
    opt.zero_grad(set_to_none=True)
    opt.step()
