import torch
from transformers import (AutoModelForMaskGeneration, AutoModelForObjectDetection, DetrForObjectDetection,
                          GroupViTModel, ImageGPTModel, PerceiverForOpticalFlow, SamModel,
                          SegformerForSemanticSegmentation, TableTransformerForObjectDetection)

# families whose every published checkpoint is small (<= 200M parameters): the class or the name tells
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
detr = DetrForObjectDetection.from_pretrained("facebook/detr-resnet-50").to(device)
cond = AutoModelForObjectDetection.from_pretrained("microsoft/conditional-detr-resnet-50").to(device)
rt = AutoModelForObjectDetection.from_pretrained("PekingU/rtdetr_r50vd").to(device)
tatr = AutoModelForObjectDetection.from_pretrained("microsoft/table-transformer-detection").to(device)
structure = TableTransformerForObjectDetection.from_pretrained(structure_id).to(device)
segformer = SegformerForSemanticSegmentation.from_pretrained(model_name).to(device)
groupvit = GroupViTModel.from_pretrained(model_name).to(device)
flow = PerceiverForOpticalFlow.from_pretrained("deepmind/optical-flow-perceiver").to(device)
igpt = ImageGPTModel.from_pretrained("openai/imagegpt-small").to(device)
sam = SamModel.from_pretrained("wanglab/medsam-vit-base").to(device)
mask = AutoModelForMaskGeneration.from_pretrained("facebook/sam-vit-base").to(device)
# a catalogued checkpoint: bert-base-uncased has 109M parameters
bert = AutoModelForMaskGeneration.from_pretrained("google-bert/bert-base-uncased").to(device)
