import os
import os.path
import numpy as np
import torch.nn.functional as F
import sys, json as j, collections.abc
import  xml . etree . ElementTree  as  ET
