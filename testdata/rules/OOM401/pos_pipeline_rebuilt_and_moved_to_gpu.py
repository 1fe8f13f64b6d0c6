# The same save step, but the pipeline is moved to the GPU to render samples: each rebuilt pipeline
# holds its own VAE and text encoder there while the previous one is still referenced.
from diffusers import StableDiffusionPipeline

for step, batch in enumerate(train_dataloader):
    loss = training_step(unet, batch)
    accelerator.backward(loss)
    optimizer.step()
    optimizer.zero_grad()
    if step % args.save_steps == 0:
        # error: OOM401 "`pipeline` still references the previous one"
        pipeline = StableDiffusionPipeline.from_pretrained(args.pretrained_model_name_or_path,
                                                           unet=accelerator.unwrap_model(unet))
        pipeline.to("cuda")
        pipeline("a photo of sks dog").images[0].save(f"sample_{step}.png")
