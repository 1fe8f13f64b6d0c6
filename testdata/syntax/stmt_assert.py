assert x
assert x, "message"
assert isinstance(t, torch.Tensor), f"got {type(t)}"
assert (a, b)
assert not failed, ("long "
                    "message")
