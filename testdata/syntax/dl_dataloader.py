from torch.utils.data import Dataset, DataLoader
import numpy as np


class ArrayDataset(Dataset):
    def __init__(self, arrays, transform=None):
        assert all(len(a) == len(arrays[0]) for a in arrays), "length mismatch"
        self.arrays = arrays
        self.transform = transform

    def __len__(self):
        return len(self.arrays[0])

    def __getitem__(self, idx):
        items = tuple(a[idx] for a in self.arrays)
        if self.transform is not None:
            items = self.transform(*items)
        return items


def collate(batch):
    xs, ys = zip(*batch)
    return np.stack(xs), np.asarray(ys)


loader = DataLoader(
    ArrayDataset([np.zeros((100, 3)), np.arange(100)]),
    batch_size=32,
    shuffle=True,
    num_workers=4,
    pin_memory=True,
    collate_fn=collate,
    drop_last=False,
)
