import logging
import time

logger = logging.getLogger(__name__)
start = time.perf_counter()
for step, loss in enumerate(losses):
    elapsed = time.perf_counter() - start
    logger.info(f"step {step:>6d} | loss {loss:.4f} | lr {scheduler.get_last_lr()[0]:.2e} | {elapsed:5.1f}s")
    logger.debug("raw: %s", loss)
    print(f"{'epoch':<10}{epoch:>5}", flush=True)
    print(f"mem {torch.cuda.memory_allocated() / 2**20:.1f} MiB, peak {torch.cuda.max_memory_allocated() / 1e9:.2f} GB")
