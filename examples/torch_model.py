"""A small PyTorch image classifier that mixes the common ways of writing an activation.

Hover an activation (``nn.ReLU``, ``F.leaky_relu``, ``x.relu()``...) to see what this call computes.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class ConvBlock(nn.Module):
    """Conv -> BatchNorm -> activation, the activation chosen by the caller."""

    def __init__(self, in_ch: int, out_ch: int, act: nn.Module | None = None) -> None:
        super().__init__()
        self.conv = nn.Conv2d(in_ch, out_ch, kernel_size=3, padding=1, bias=False)
        self.bn = nn.BatchNorm2d(out_ch)
        self.act = act if act is not None else nn.ReLU()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.act(self.bn(self.conv(x)))


class TinyNet(nn.Module):
    """A 32x32 RGB classifier: three conv blocks, then an MLP head."""

    def __init__(self, num_classes: int = 10) -> None:
        super().__init__()
        self.features = nn.Sequential(
            ConvBlock(3, 16, nn.ReLU()),
            nn.MaxPool2d(2),
            ConvBlock(16, 32, nn.LeakyReLU(negative_slope=0.1)),
            nn.MaxPool2d(2),
            ConvBlock(32, 64, nn.SiLU()),
            nn.AdaptiveAvgPool2d(1),
        )
        self.head = nn.Sequential(
            nn.Flatten(),
            nn.Linear(64, 128),
            nn.GELU(approximate="tanh"),
            nn.Dropout(0.1),
            nn.Linear(128, 64),
            nn.ELU(alpha=1.0),
            nn.Linear(64, num_classes),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x))


class GatedMLP(nn.Module):
    """An MLP that uses the functional and tensor-method forms."""

    def __init__(self, dim: int = 32, hidden: int = 64) -> None:
        super().__init__()
        self.fc1 = nn.Linear(dim, hidden)
        self.fc2 = nn.Linear(hidden, hidden)
        self.gate = nn.Linear(hidden, hidden)
        self.out = nn.Linear(hidden, 1)
        self.softplus = nn.Softplus(beta=2.0, threshold=20.0)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = F.leaky_relu(self.fc1(x), 0.2)
        h = self.fc2(h).relu()
        h = h * torch.sigmoid(self.gate(h))
        h = F.gelu(h) + torch.tanh(h)
        h = F.mish(h)
        return self.softplus(self.out(torch.relu(h)))


if __name__ == "__main__":
    torch.manual_seed(0)
    images = torch.randn(8, 3, 32, 32)
    print(TinyNet()(images).shape)  # torch.Size([8, 10])
    print(GatedMLP()(torch.randn(4, 32)).shape)  # torch.Size([4, 1])
    print(F.relu6(torch.linspace(-2.0, 8.0, 6)))
    print(F.hardswish(torch.linspace(-4.0, 4.0, 5)))
