from diffusers import ModularPipeline

for workflow in workflows:
    # builds the blocks only; components load later, on demand
    pipe = ModularPipeline.from_pretrained(repo, workflow=workflow)
    check(pipe.component_names)
