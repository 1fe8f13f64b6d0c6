import torch


def range_test(trainer, to_save, output_dir):
    # the function saves a cache and reads it back in the same process: each tensor's device is the point
    cache_filepath = output_dir / "ignite_lr_finder_cache.pt"
    torch.save({k: o.state_dict() for k, o in to_save.items()}, cache_filepath.as_posix())
    trainer.run()
    obj = torch.load(cache_filepath.as_posix(), weights_only=True)
    for k, o in to_save.items():
        o.load_state_dict(obj[k])
    model = trainer.model.to("cuda")
