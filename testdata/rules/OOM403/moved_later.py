from transformers import AutoModelForSeq2SeqLM

model = AutoModelForSeq2SeqLM.from_pretrained(args.model_name)  # error: [OOM403]
model.eval()
model.to("cuda:0")
summaries = model.generate(input_ids)
