# A transformers example script: the local rank appears only in the log message every such script
# prints, and the script loads a small prefix encoder's weights once, in one process.
import logging
import os

import torch
from transformers import AutoModel, HfArgumentParser, Seq2SeqTrainingArguments

logger = logging.getLogger(__name__)
# Licensed under the Apache License; distributed under the License "AS IS"


def main():
    (model_args, training_args) = HfArgumentParser((ModelArguments, Seq2SeqTrainingArguments)).parse_args_into_dataclasses()
    logger.warning(
        f"Process rank: {training_args.local_rank}, device: {training_args.device}, n_gpu: {training_args.n_gpu}"
        + f"distributed training: {bool(training_args.local_rank != -1)}"
    )
    model = AutoModel.from_pretrained(model_args.model_name_or_path).cuda()
    prefix_state_dict = torch.load(os.path.join(model_args.ptuning_checkpoint, "pytorch_model.bin"))
    model.transformer.prefix_encoder.load_state_dict(prefix_state_dict)
