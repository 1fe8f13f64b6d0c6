from accelerate import Accelerator


def main(model, optimizer, loader):
    accelerator = Accelerator(gradient_accumulation_steps=4)
    model, optimizer, loader = accelerator.prepare(model, optimizer, loader)
    for batch in loader:
        with accelerator.accumulate(model):
            outputs = model(**batch)
            # error: OOM103
            accelerator.backward(outputs.loss, retain_graph=True)
            optimizer.step()
            optimizer.zero_grad()
