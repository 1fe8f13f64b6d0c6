# Every save step wraps the live training UNet and text encoder in a pipeline to save LoRA weights:
# the pipeline only loads its small parts (VAE, tokenizer), on the CPU, and is never moved to a GPU.
from diffusers import StableDiffusionPipeline

for step, batch in enumerate(train_dataloader):
    loss = training_step(unet, text_encoder, batch)
    accelerator.backward(loss)
    optimizer.step()
    optimizer.zero_grad()
    if step % args.save_steps == 0:
        pipeline = StableDiffusionPipeline.from_pretrained(
            args.pretrained_model_name_or_path,
            unet=accelerator.unwrap_model(unet),
            text_encoder=accelerator.unwrap_model(text_encoder),
        )
        save_lora_weight(pipeline.unet, f"{args.output_dir}/lora_{step}.pt")
