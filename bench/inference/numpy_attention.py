#!/usr/bin/env python3
"""The seed attention model's forward pass in numpy: the reference the executor is measured against.

Reads the weights and inputs the benchmark writes (manifest.json and raw little-endian .bin
files, Keras weight layouts), runs the forward pass `runs` times after two warm-up runs, writes
the output of the last run to output.bin and prints {"times_ms": [...]} as JSON.
Run single-threaded (OPENBLAS_NUM_THREADS=1), as bench/inference/inference.mjs does.

    python3 numpy_attention.py DIRECTORY RUNS
"""
import json
import sys
import time
from pathlib import Path

import numpy as np


def load(directory):
    manifest = json.loads((directory / "manifest.json").read_text())
    arrays = {}
    for name, entry in manifest["arrays"].items():
        data = np.fromfile(directory / entry["file"], dtype=np.dtype(entry["dtype"]).newbyteorder("<"))
        arrays[name] = data.reshape(entry["shape"])
    return arrays


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def lstm(x, kernel, recurrent, bias, backwards):
    """Keras's LSTM (sigmoid gates, tanh), return_sequences; the input projection for all steps at once."""
    batch, steps, features = x.shape
    units = recurrent.shape[0]
    projected = (x.reshape(-1, features) @ kernel + bias).reshape(batch, steps, 4 * units)
    h = np.zeros((batch, units), np.float32)
    c = np.zeros((batch, units), np.float32)
    out = np.empty((batch, steps, units), np.float32)
    for t in (range(steps - 1, -1, -1) if backwards else range(steps)):
        z = projected[:, t] + h @ recurrent
        i, f, g, o = sigmoid(z[:, :units]), sigmoid(z[:, units:2 * units]), np.tanh(z[:, 2 * units:3 * units]), sigmoid(z[:, 3 * units:])
        c = f * c + i * g
        h = o * np.tanh(c)
        # A Bidirectional's backward output is re-reversed: step t's state goes to position t.
        out[:, t] = h
    return out


def bilstm(x, w, layer):
    forward = lstm(x, w[f"{layer}/forward_lstm/kernel"], w[f"{layer}/forward_lstm/recurrent_kernel"], w[f"{layer}/forward_lstm/bias"], False)
    backward = lstm(x, w[f"{layer}/backward_lstm/kernel"], w[f"{layer}/backward_lstm/recurrent_kernel"], w[f"{layer}/backward_lstm/bias"], True)
    return np.concatenate([forward, backward], axis=-1)


def forward(w):
    table = w["embedding/embeddings"]
    bilstm1 = bilstm(table[w["sentence1"]], w, "bilstm1")
    bilstm2 = bilstm(table[w["sentence2"]], w, "bilstm2")
    product = bilstm2 @ bilstm1.transpose(0, 2, 1)                 # dot(axes=2): (batch, 30, 20)
    e = np.exp(product - product.max(axis=-1, keepdims=True))
    weights = e / e.sum(axis=-1, keepdims=True)                     # softmax over sentence 1
    context = weights @ bilstm1                                      # dot(axes=[2, 1]): (batch, 30, 400)
    joined = np.concatenate([context, bilstm2], axis=-1)             # (batch, 30, 800)
    return np.tanh(joined @ w["h/kernel"] + w["h/bias"])             # Dense(200, tanh)


def main():
    directory, runs = Path(sys.argv[1]), int(sys.argv[2])
    w = load(directory)
    for _ in range(2):
        forward(w)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        out = forward(w)
        times.append((time.perf_counter() - start) * 1000)
    out.astype("<f4").tofile(directory / "output.bin")
    print(json.dumps({"times_ms": times}))


if __name__ == "__main__":
    main()
