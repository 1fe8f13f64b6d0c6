print(f"{metrics["loss"]:.4f} {metrics["acc"]:.2%} {cfg["optim"]["name"]!r}")
log(f"epoch {epoch}: {", ".join(f"{k}={v:.3f}" for k, v in stats.items())}")
