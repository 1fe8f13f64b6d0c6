# -*- coding: utf-8 -*-
"""Modèle 😀 demo."""
import torch

x = torch.ones(3, device="cuda")
x = torch.ones(3, device="cuda")
cache = {"é😀": torch.ones(3)}
