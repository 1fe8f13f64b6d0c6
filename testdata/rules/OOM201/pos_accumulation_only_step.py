# Gradient accumulation without any reset: the only step sits under the accumulation condition.
from transformers import AdamW, get_linear_schedule_with_warmup

model = AutoModelForCausalLM.from_pretrained("gpt2").to("cuda")
optimizer = AdamW(model.parameters(), lr=5e-5)
scheduler = get_linear_schedule_with_warmup(optimizer, 100, 1000)
gradient_accumulation_steps = 4
model.train()
for epoch in range(3):
    # error: OOM201 "never resets gradients"
    for step, batch in enumerate(train_dataloader):
        batch = {k: v.to("cuda") for k, v in batch.items()}
        outputs = model(**batch)
        loss = outputs.loss / gradient_accumulation_steps
        loss.backward()
        if step % gradient_accumulation_steps == 0:
            optimizer.step()
            scheduler.step()
