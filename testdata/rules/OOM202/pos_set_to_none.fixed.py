import torch

opt = torch.optim.AdamW(net.parameters(), lr=1e-3)
for batch in loader:
    opt.zero_grad(set_to_none=True)
    out = net(batch)
    out.loss.backward()
    # error: OOM202
    opt.step()
