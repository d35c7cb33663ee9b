"""Query encoding without PyTorch: the same BERT sentence-transformer, run in NumPy.

Importing sentence-transformers costs seconds; a question is a dozen tokens, which NumPy encodes in a few
milliseconds from the model's own safetensors weights (memory-mapped) and its own tokenizer. Only BERT
models with mean pooling qualify; `tests/test_encoder.py` checks the vectors against sentence-transformers.
"""

from __future__ import annotations

import json
import math
import struct
from pathlib import Path

import numpy as np

SQRT_HALF = math.sqrt(0.5)  # a Python float keeps float32 arrays float32 (NumPy scalars would promote)
SAFETENSORS_DTYPES = {"F32": np.float32, "F16": np.float16, "I64": np.int64}


def load_safetensors(path: Path) -> dict[str, np.ndarray]:
    """Every tensor of a .safetensors file as a read-only, memory-mapped array."""
    with open(path, "rb") as handle:
        (header_size,) = struct.unpack("<Q", handle.read(8))
        header = json.loads(handle.read(header_size))
    raw = np.memmap(path, dtype=np.uint8, mode="r", offset=8 + header_size)
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        dtype = SAFETENSORS_DTYPES[info["dtype"]]
        tensors[name] = raw[start:end].view(dtype).reshape(info["shape"])
    return tensors


def aligned(tensors: dict[str, np.ndarray], keep_mapped: tuple[str, ...]) -> dict[str, np.ndarray]:
    """Copies of the tensors in ordinary memory (matrix products over memory-mapped weights ran about a
    third slower here), except the large ones only indexed into, which stay mapped."""
    return {k: v if k in keep_mapped else np.array(v, dtype=np.float32) for k, v in tensors.items()}


def supports(model_path: Path) -> bool:
    """Whether the model folder holds a BERT with mean pooling, which this encoder reproduces."""
    try:
        config = json.loads((model_path / "config.json").read_text())
        pooling = json.loads((model_path / "1_Pooling" / "config.json").read_text())
    except (OSError, ValueError):
        return False
    return (
        config.get("model_type") == "bert"
        and config.get("hidden_act") == "gelu"
        and pooling.get("pooling_mode_mean_tokens") is True
        and not any(v for k, v in pooling.items() if k.startswith("pooling_mode_") and k != "pooling_mode_mean_tokens")
        and (model_path / "model.safetensors").is_file()
        and (model_path / "tokenizer.json").is_file()
    )


def load_tokenizer(model_path: Path):  # -> tokenizers.Tokenizer
    """The model's own fast tokenizer, truncating where sentence-transformers does and padding batches."""
    from tokenizers import Tokenizer

    st_config = model_path / "sentence_bert_config.json"
    max_length = json.loads(st_config.read_text()).get("max_seq_length", 256) if st_config.is_file() else 256
    tokenizer = Tokenizer.from_file(str(model_path / "tokenizer.json"))
    tokenizer.enable_truncation(max_length=max_length)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    return tokenizer


def tokenize(tokenizer, texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Token ids, token type ids and attention mask of a padded batch, each (batch, length) int64."""
    encodings = tokenizer.encode_batch(texts)
    return tuple(
        np.array([getattr(e, field) for e in encodings], dtype=np.int64)
        for field in ("ids", "type_ids", "attention_mask")
    )


def mean_pool(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """sentence-transformers' mean pooling over the real tokens, then L2 normalisation, as float32."""
    mask = mask.astype(np.float32)[:, :, None]
    pooled = (hidden * mask).sum(1) / np.clip(mask.sum(1), 1e-9, None)
    return (pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)).astype(np.float32)


def layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    """LayerNorm over the last axis."""
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + np.float32(eps)) * weight + bias


def erf(x: np.ndarray) -> np.ndarray:
    """The error function (Abramowitz & Stegun 7.1.26, |error| < 1.5e-7): BERT's exact GELU needs it."""
    sign = np.sign(x)
    x = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * x)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return sign * (1.0 - poly * np.exp(-x * x))


def gelu(x: np.ndarray) -> np.ndarray:
    """GELU as BERT defines it: x * Phi(x)."""
    return 0.5 * x * (1.0 + erf(x * SQRT_HALF))


class NumpyEncoder:
    """A BERT sentence-transformer with mean pooling and normalisation, in NumPy."""

    def __init__(self, model_path: Path, name: str) -> None:
        self.name = name
        config = json.loads((model_path / "config.json").read_text())
        self.heads = int(config["num_attention_heads"])
        self.layers = int(config["num_hidden_layers"])
        self.eps = float(config.get("layer_norm_eps", 1e-12))
        self.weights = aligned(
            load_safetensors(model_path / "model.safetensors"), ("embeddings.word_embeddings.weight",)
        )
        self.tokenizer = load_tokenizer(model_path)

    @property
    def dimension(self) -> int:
        """Length of each vector."""
        return int(self.weights["embeddings.word_embeddings.weight"].shape[1])

    def encode(self, texts: list[str], batch_size: int = 32, progress: bool = False) -> np.ndarray:
        """Normalised mean-pooled embeddings, one row per text."""
        rows = [self.encode_batch(texts[i : i + batch_size]) for i in range(0, len(texts), batch_size)]
        return np.concatenate(rows) if rows else np.zeros((0, self.dimension), dtype=np.float32)

    def encode_batch(self, texts: list[str]) -> np.ndarray:
        """One padded batch through the network."""
        ids, types, mask = tokenize(self.tokenizer, texts)
        return mean_pool(self.forward(ids, types, mask.astype(np.float32)), mask)

    def forward(self, ids: np.ndarray, types: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """BERT's last hidden state."""
        w = self.weights
        positions = np.arange(ids.shape[1])
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][positions][None]
            + w["embeddings.token_type_embeddings.weight"][types]
        )
        x = layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self.eps)
        bias = (1.0 - mask)[:, None, None, :] * np.finfo(np.float32).min
        for layer in range(self.layers):
            x = self.block(x, bias, f"encoder.layer.{layer}.")
        return x

    def linear(self, x: np.ndarray, prefix: str) -> np.ndarray:
        """x @ W.T + b (PyTorch's layout), as one 2-D product: stacked 3-D products skip BLAS."""
        flat = x.reshape(-1, x.shape[-1]) @ self.weights[prefix + ".weight"].T + self.weights[prefix + ".bias"]
        return flat.reshape(*x.shape[:-1], flat.shape[-1])

    def block(self, x: np.ndarray, bias: np.ndarray, p: str) -> np.ndarray:
        """One transformer layer: self-attention, then the feed-forward network, each with a residual."""
        batch, length, width = x.shape
        size = width // self.heads

        def split(t: np.ndarray) -> np.ndarray:
            return t.reshape(batch, length, self.heads, size).transpose(0, 2, 1, 3)

        q = split(self.linear(x, p + "attention.self.query"))
        k = split(self.linear(x, p + "attention.self.key"))
        v = split(self.linear(x, p + "attention.self.value"))
        scores = q @ k.transpose(0, 1, 3, 2) / math.sqrt(size) + bias
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        attention = (scores / scores.sum(-1, keepdims=True)) @ v
        context = attention.transpose(0, 2, 1, 3).reshape(batch, length, width)
        w = self.weights
        x = layer_norm(
            x + self.linear(context, p + "attention.output.dense"),
            w[p + "attention.output.LayerNorm.weight"],
            w[p + "attention.output.LayerNorm.bias"],
            self.eps,
        )
        hidden = gelu(self.linear(x, p + "intermediate.dense"))
        return layer_norm(
            x + self.linear(hidden, p + "output.dense"),
            w[p + "output.LayerNorm.weight"],
            w[p + "output.LayerNorm.bias"],
            self.eps,
        )
