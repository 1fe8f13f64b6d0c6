import torch

model = torch.compile(model, mode="max-autotune", fullgraph=False, dynamic=None)
example = (torch.randn(1, 3, 224, 224),)
torch.onnx.export(
    model,
    example,
    "model.onnx",
    input_names=["input"],
    output_names=["output"],
    dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}},
    opset_version=17,
)
scripted = torch.jit.script(model)
quantized = torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
