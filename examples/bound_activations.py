"""Activations reached through bindings: hover `act` in forward() to see where it was bound."""
import math
from functools import partial

import torch
import torch.nn as nn


class Mlp(nn.Module):
    def __init__(self, dim, act_layer=partial(nn.LeakyReLU, negative_slope=0.2)):
        super().__init__()
        self.fc = nn.Linear(dim, dim)
        self.act = nn.GELU(approximate="tanh")
        self.gate = act_layer()

    def forward(self, x):
        return self.gate(self.act(self.fc(x)))


class NewGELU(nn.Module):
    """An activation written as code (as minGPT does): the hover reads the formula, never runs it."""

    def forward(self, x):
        return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * torch.pow(x, 3.0))))


class Block(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.fc = nn.Linear(dim, dim)
        self.act = NewGELU()

    def forward(self, x):
        return self.act(self.fc(x))
