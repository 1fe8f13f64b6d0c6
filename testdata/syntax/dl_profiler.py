from torch.profiler import ProfilerActivity, profile, record_function, schedule

with profile(
    activities=[ProfilerActivity.CPU, ProfilerActivity.CUDA],
    schedule=schedule(wait=1, warmup=1, active=3, repeat=2),
    on_trace_ready=torch.profiler.tensorboard_trace_handler("./log"),
    record_shapes=True,
    profile_memory=True,
    with_stack=True,
) as prof:
    for step, batch in enumerate(loader):
        if step >= (1 + 1 + 3) * 2:
            break
        with record_function("train_step"):
            train_step(batch)
        prof.step()
print(prof.key_averages().table(sort_by="cuda_memory_usage", row_limit=10))
