import wandb

run = wandb.init(project="oom", config={"lr": 1e-3, "bs": 32}, tags=["baseline"], reinit=True)
for step, (loss, acc) in enumerate(zip(losses, accs)):
    wandb.log({"loss": loss, "acc": acc, **({"lr": lr} if lr else {})}, step=step)
run.summary["best_acc"] = max(accs, default=0.0)
run.finish()
