import itertools

grid = {
    "lr": [1e-4, 3e-4, 1e-3],
    "batch_size": [32, 64],
    "dropout": [0.0, 0.1],
}
keys, values = zip(*grid.items())
for combo in itertools.product(*values):
    params = dict(zip(keys, combo))
    score = run_trial(**params)
    results.append((score, params))
best_score, best_params = max(results, key=lambda r: r[0])
print(f"best {best_score:.3f} with {best_params}")
