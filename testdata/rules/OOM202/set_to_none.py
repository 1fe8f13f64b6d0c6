import torch

opt = torch.optim.AdamW(net.parameters(), lr=1e-3)
for batch in loader:
    out = net(batch)
    out.loss.backward()
    opt.zero_grad(set_to_none=True)  # error: 5 [OOM202]
    opt.step()
