"""Bulk encoding for index builds: the same sentence-transformer, exported once to ONNX and run by ONNX Runtime.

On this machine ONNX Runtime encodes a corpus's sentences about a fifth faster than PyTorch, and after the
one-time export a build no longer imports PyTorch at all. Only BERT models with mean pooling qualify (the
ones `numpy_encoder.supports` accepts); `tests/test_encoder.py` checks the vectors against
sentence-transformers.
"""

from __future__ import annotations

import hashlib
import os
import warnings
from collections.abc import Callable
from pathlib import Path

import numpy as np

from qa.numpy_encoder import load_tokenizer, mean_pool, tokenize

INPUTS = ("input_ids", "token_type_ids", "attention_mask")
BATCH_SIZE = 16  # sentences sorted by length, 16 to a batch: little padding, fastest here


def exported_path(model_path: Path, cache: Path) -> Path:
    """Where the export of this model folder lives: one file per model folder and weights."""
    weights = model_path / "model.safetensors"
    key = f"{model_path.resolve()}\0{weights.stat().st_size}\0{weights.stat().st_mtime_ns}"
    return cache / f"{model_path.name}-{hashlib.sha256(key.encode()).hexdigest()[:12]}.onnx"


def export(model_path: Path, target: Path) -> None:
    """Export the transformer of a sentence-transformers folder to ONNX (its last hidden state), atomically."""
    import torch
    from transformers import AutoModel

    class LastHiddenState(torch.nn.Module):
        def __init__(self, model: torch.nn.Module) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids, token_type_ids, attention_mask):
            return self.model(
                input_ids=input_ids, token_type_ids=token_type_ids, attention_mask=attention_mask
            ).last_hidden_state

    model = AutoModel.from_pretrained(str(model_path)).eval()
    example = tuple(torch.ones((2, 8), dtype=torch.long) for _ in INPUTS)
    axes = {name: {0: "batch", 1: "tokens"} for name in (*INPUTS, "hidden")}
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with warnings.catch_warnings(), torch.no_grad():
            warnings.simplefilter("ignore")  # the exporter's notes on advanced indexing do not apply here
            torch.onnx.export(
                LastHiddenState(model),
                example,
                str(partial),
                input_names=list(INPUTS),
                output_names=["hidden"],
                dynamic_axes=axes,
                opset_version=17,
                dynamo=False,
            )
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


class OnnxEncoder:
    """A BERT sentence-transformer with mean pooling and normalisation, in ONNX Runtime."""

    def __init__(
        self, model_path: Path, name: str, cache: Path, notify: Callable[[str], None] = lambda _: None
    ) -> None:
        import onnxruntime

        self.name = name
        onnx_file = exported_path(model_path, cache)
        if not onnx_file.is_file():
            notify(f"Exporting {name} to ONNX for fast encoding (once, into {cache})")
            export(model_path, onnx_file)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = os.cpu_count() or 1
        self.session = onnxruntime.InferenceSession(str(onnx_file), options, providers=["CPUExecutionProvider"])
        self.tokenizer = load_tokenizer(model_path)
        self._dimension = int(self.session.get_outputs()[0].shape[-1])

    @property
    def dimension(self) -> int:
        """Length of each vector."""
        return self._dimension

    def encode(self, texts: list[str], batch_size: int = BATCH_SIZE, progress: bool = False) -> np.ndarray:
        """Normalised mean-pooled embeddings, one row per text, in the order given."""
        from tqdm import tqdm

        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        batches = [order[i : i + batch_size] for i in range(0, len(order), batch_size)]
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for batch in tqdm(batches, desc="Embedding", unit="batch", leave=False, disable=not progress):
            ids, types, mask = tokenize(self.tokenizer, [texts[i] for i in batch])
            (hidden,) = self.session.run(None, {"input_ids": ids, "token_type_ids": types, "attention_mask": mask})
            vectors[batch] = mean_pool(hidden, mask)
        return vectors
