from accelerate import Accelerator


def main(model, optimizer, loader, lr_scheduler):
    accelerator = Accelerator()
    model, optimizer, loader, lr_scheduler = accelerator.prepare(model, optimizer, loader, lr_scheduler)
    for batch in loader:
        with accelerator.accumulate(model):
            outputs = model(**batch)
            accelerator.backward(outputs.loss)
            # error: OOM202
            optimizer.zero_grad()
            optimizer.step()
            lr_scheduler.step()
