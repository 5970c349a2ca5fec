"""Activations reached through bindings: hover `act` in forward() to see where it was bound."""
import torch.nn as nn
from functools import partial


class Mlp(nn.Module):
    def __init__(self, dim, act_layer=partial(nn.LeakyReLU, negative_slope=0.2)):
        super().__init__()
        self.fc = nn.Linear(dim, dim)
        self.act = nn.GELU(approximate="tanh")
        self.gate = act_layer()

    def forward(self, x):
        return self.gate(self.act(self.fc(x)))
