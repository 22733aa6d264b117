"""The tutorial's second model: PyTorch's nn.LSTM with one unit, as a LightningModule."""

from __future__ import annotations

import lightning as L
import torch
from torch import nn
from torch.optim import Adam

from lstm.unit.weights import TUTORIAL_SEED


class LightningLSTM(L.LightningModule):
    """The tutorial's second model: nn.LSTM with one unit, Adam at lr 0.1.

    Initialised as nn.LSTM does (every tensor uniform in ±1 for one hidden unit), from a generator
    owned by the model rather than the process-wide seed.
    """

    def __init__(self, learning_rate: float = 0.1, seed: int = TUTORIAL_SEED):
        super().__init__()
        self.learning_rate = learning_rate
        self.lstm = nn.LSTM(input_size=1, hidden_size=1)
        generator = torch.Generator().manual_seed(seed)
        bound = 1.0 / self.lstm.hidden_size**0.5
        with torch.no_grad():
            for parameter in self.lstm.parameters():
                parameter.uniform_(-bound, bound, generator=generator)

    def forward(self, input):
        input_trans = input.view(len(input), 1)
        lstm_out, _ = self.lstm(input_trans)
        prediction = lstm_out[-1]
        return prediction

    def configure_optimizers(self):
        return Adam(self.parameters(), lr=self.learning_rate)

    def training_step(self, batch, batch_idx):
        input_i, label_i = batch
        output_i = self.forward(input_i[0])
        loss = (output_i - label_i) ** 2
        self.log("train_loss", loss, batch_size=1)
        if label_i == 0:
            self.log("out_0", output_i, batch_size=1)
        else:
            self.log("out_1", output_i, batch_size=1)
        return loss
