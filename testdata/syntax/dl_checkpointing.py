from pathlib import Path

import torch


def save(model, optimizer, epoch, path: Path):
    path.parent.mkdir(parents=True, exist_ok=True)
    torch.save(
        {
            "epoch": epoch,
            "model": model.state_dict(),
            "optimizer": optimizer.state_dict(),
        },
        path / f"ckpt_{epoch:04d}.pt",
    )


def load(model, path, map_location="cpu"):
    try:
        state = torch.load(path, map_location=map_location, weights_only=True)
    except FileNotFoundError:
        return 0
    except (RuntimeError, KeyError) as exc:
        raise RuntimeError(f"corrupt checkpoint {path}") from exc
    model.load_state_dict(state["model"], strict=False)
    return state.get("epoch", 0) + 1
