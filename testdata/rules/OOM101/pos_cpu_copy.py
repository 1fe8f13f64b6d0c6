import torch
torch.cuda.set_device(0)
def train(model, train_dataloader):
    model_outputs = []
    for batch in train_dataloader:
        outputs = model(**batch)
        # a CPU copy still holds the GPU graph through its grad_fn
        # error: OOM101 "carries an autograd graph and is stored in `model_outputs`"
        model_outputs.append(outputs.logits.to("cpu"))
        loss = outputs.loss
        model.backward(loss)
        model.step()
    return model_outputs
