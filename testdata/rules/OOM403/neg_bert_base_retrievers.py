# Dense retrievers are BERT-base models (about 110M parameters): float32 costs under half a gigabyte.
import torch
from transformers import AutoModel, DPRContextEncoder, DPRQuestionEncoder

ctx_encoder = DPRContextEncoder.from_pretrained(args.ctx_encoder_name).to("cuda")
q_encoder = DPRQuestionEncoder.from_pretrained("facebook/dpr-question_encoder-single-nq-base").to("cuda")
qar_model = AutoModel.from_pretrained("yjernite/retribert-base-uncased").to("cuda:0")
with torch.no_grad():
    emb = ctx_encoder(**batch).pooler_output
