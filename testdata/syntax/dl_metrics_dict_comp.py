metrics = {name: fn(preds, targets) for name, fn in metric_fns.items()}
means = {k: sum(v) / len(v) for k, v in history.items() if v}
flat = [m for epoch in logs for m in epoch["metrics"]]
best = max(metrics.items(), key=lambda kv: kv[1])[0]
summary = ", ".join(f"{k}={v:.3f}" for k, v in sorted(means.items()))
