# A "predictor" sub-network's helper that the model's forward calls is part of the training forward,
# not evaluation code (the model's inference method disables grad itself).
import torch
from .base import BaseSynthesizer
from .layers import Decoder, Encoder, PitchPredictor


class Synthesizer(BaseSynthesizer):
    def __init__(self, hidden_size):
        super().__init__()
        self.encoder = Encoder(hidden_size)
        self.pitch_predictor = PitchPredictor(hidden_size)
        self.pitch_emb = torch.nn.Conv1d(1, hidden_size, 3, padding=1)
        self.decoder = Decoder(hidden_size)
        self.device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    def _forward_pitch_predictor(self, hidden, mask, target=None):
        pitch = self.pitch_predictor(hidden, mask)
        if target is not None:
            return self.pitch_emb(target), torch.nn.functional.l1_loss(pitch, target)
        return self.pitch_emb(pitch), None

    def forward(self, tokens, mask, pitch_target):
        hidden = self.encoder(tokens, mask)
        pitch, pitch_loss = self._forward_pitch_predictor(hidden, mask, pitch_target)
        return self.decoder(hidden + pitch), pitch_loss

    @torch.no_grad()
    def inference(self, tokens, mask):
        hidden = self.encoder(tokens, mask)
        pitch, _ = self._forward_pitch_predictor(hidden, mask)
        return self.decoder(hidden + pitch)
