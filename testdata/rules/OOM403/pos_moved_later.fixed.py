from transformers import AutoModelForSeq2SeqLM

# error: OOM403
model = AutoModelForSeq2SeqLM.from_pretrained(args.model_name, torch_dtype="auto")
model.eval()
model.to("cuda:0")
summaries = model.generate(input_ids)
