# A course notebook fine-tunes DistilBERT twice, in TensorFlow and then in PyTorch, from local copies:
# both classes name a 66M-parameter model, small enough that float32 training puts no GPU memory at stake.
import torch
from transformers import (DistilBertForQuestionAnswering, TFDistilBertForQuestionAnswering, Trainer,
                          TrainingArguments)

tf_model = TFDistilBertForQuestionAnswering.from_pretrained("model/tensorflow", return_dict=False)
tf_model.fit(tf_dataset, epochs=3)

pytorch_model = DistilBertForQuestionAnswering.from_pretrained("model/pytorch").to(torch.device("cuda"))
training_args = TrainingArguments(output_dir="results", num_train_epochs=3, per_device_train_batch_size=8)
trainer = Trainer(model=pytorch_model, args=training_args, train_dataset=train_ds)
trainer.train()
