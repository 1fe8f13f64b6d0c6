# What a loss function returns beside the loss (a sample size, a logging dict of loss.data and ints)
# carries no graph: summing it over the micro-batches keeps nothing alive.
import torch


class Task:
    def train_step(self, sample, model, criterion, optimizer):
        loss, sample_size, logging_output = criterion(model, sample)
        optimizer.backward(loss)
        return loss, sample_size, logging_output

    def train_multi(self, samples, model, criterion, optimizer):
        model.cuda()
        agg_loss, agg_sample_size, agg_logging_output = 0.0, 0.0, {}
        for key in samples:
            loss, sample_size, logging_output = self.train_step(samples[key], model, criterion, optimizer)
            agg_loss += loss.detach().item()
            agg_sample_size += sample_size
            for k in logging_output:
                agg_logging_output[k] += logging_output[k]
        return agg_loss, agg_sample_size, agg_logging_output
