from accelerate import Accelerator


def main(model, optimizer, loader, lr_scheduler):
    accelerator = Accelerator()
    model, optimizer, loader, lr_scheduler = accelerator.prepare(model, optimizer, loader, lr_scheduler)
    for batch in loader:
        with accelerator.accumulate(model):
            optimizer.zero_grad()  # error: [OOM202]
            outputs = model(**batch)
            accelerator.backward(outputs.loss)
            optimizer.step()
            lr_scheduler.step()
