# The name first holds a trainer class found at run time, then the trainer it builds: calling it
# constructs, it is no forward pass (a forward pass would not replace the model with its output).
import torch.cuda
import torch.distributed as dist


def get_trainer_from_args(dataset, configuration, fold, trainer_name="nnUNetTrainer",
                          device=torch.device("cuda")):
    nnunet_trainer = recursive_find_trainer_class_by_name(trainer_name)
    plans = load_json(plans_file(dataset))
    nnunet_trainer = nnunet_trainer(plans=plans, configuration=configuration, fold=fold, device=device)
    return nnunet_trainer


def maybe_load_checkpoint(nnunet_trainer, continue_training, pretrained_weights_file):
    if continue_training:
        nnunet_trainer.load_checkpoint(nnunet_trainer.output_folder + "/checkpoint_latest.pth")
    elif pretrained_weights_file is not None:
        if not nnunet_trainer.was_initialized:
            nnunet_trainer.initialize()
        load_pretrained_weights(nnunet_trainer.network, pretrained_weights_file, verbose=True)


def run_ddp(rank, dataset, configuration, fold, world_size, validation_only, resume, pretrained):
    dist.init_process_group("nccl", rank=rank, world_size=world_size)
    torch.cuda.set_device(torch.device("cuda", dist.get_rank()))
    nnunet_trainer = get_trainer_from_args(dataset, configuration, fold)
    maybe_load_checkpoint(nnunet_trainer, resume, pretrained)
    if not validation_only:
        nnunet_trainer.run_training()
    nnunet_trainer.load_checkpoint(nnunet_trainer.output_folder + "/checkpoint_best.pth")
    nnunet_trainer.perform_actual_validation()
    dist.destroy_process_group()
