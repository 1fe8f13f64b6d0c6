import tensorflow as tf
import torch.nn as nn

for width in [16, 32]:
    net = nn.Sequential(nn.Linear(4, width), nn.ReLU())
    print(tf.constant(width), net)
