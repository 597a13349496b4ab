#!/usr/bin/env python3
"""A PyTorch training program for Tunestream's `command` backend.

Trains a multilayer perceptron on a classification task and prints one metric line per epoch:

    TUNESTREAM epoch=3 train_loss=0.41 train_accuracy=0.86 val_loss=0.45 val_accuracy=0.84

Hyperparameters arrive as arguments (the operator's command template fills them in); the full trial
is also in the JSON file named by TUNESTREAM_TRIAL_FILE. Data: Fashion-MNIST IDX files when
--fashion-mnist DIR is given (Debian's dataset-fashion-mnist), otherwise a seeded synthetic task so
that the example runs anywhere torch does. SIGTERM (a STOP decision) ends it between batches.
"""
import argparse
import gzip
import os
import signal
import struct
import sys

import torch
from torch import nn

stop_requested = False


def on_sigterm(signum, frame):
    global stop_requested
    stop_requested = True


def read_idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        zero, dtype, dims = struct.unpack(">HBB", f.read(4))
        shape = tuple(struct.unpack(">I", f.read(4))[0] for _ in range(dims))
        return torch.frombuffer(bytearray(f.read()), dtype=torch.uint8).reshape(shape)


def fashion_mnist(directory, limit):
    def find(prefix):
        for name in sorted(os.listdir(directory)):
            if name.startswith(prefix):
                return os.path.join(directory, name)
        raise FileNotFoundError(prefix + "* in " + directory)
    x = read_idx(find("train-images")).float().reshape(-1, 28 * 28) / 255.0
    y = read_idx(find("train-labels")).long()
    return x[:limit], y[:limit]


def synthetic(seed, n=3000, features=20, classes=4):
    generator = torch.Generator().manual_seed(seed)
    centers = torch.randn(classes, features, generator=generator) * 0.3
    y = torch.randint(0, classes, (n,), generator=generator)
    x = centers[y] + torch.randn(n, features, generator=generator)
    return x, y


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lr", type=float, required=True)
    parser.add_argument("--momentum", type=float, default=0.9)
    parser.add_argument("--hidden-layers", type=int, default=2)
    parser.add_argument("--units", type=int, default=64)
    parser.add_argument("--activation", choices=["relu", "tanh", "sigmoid", "gelu"], default="relu")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--epochs", type=int, default=int(os.environ.get("TUNESTREAM_MAX_EPOCHS", "10")))
    parser.add_argument("--seed", type=int, default=int(os.environ.get("TUNESTREAM_SEED", "0")) % (2 ** 31))
    parser.add_argument("--fashion-mnist", help="directory with Fashion-MNIST IDX files")
    parser.add_argument("--limit", type=int, default=6000, help="training examples to use")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, on_sigterm)
    torch.manual_seed(args.seed)
    torch.set_num_threads(1)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    x, y = fashion_mnist(args.fashion_mnist, args.limit) if args.fashion_mnist else synthetic(args.seed)
    order = torch.randperm(len(y), generator=torch.Generator().manual_seed(args.seed))
    split = int(0.8 * len(y))
    train_idx, val_idx = order[:split], order[split:]
    mean, std = x[train_idx].mean(0), x[train_idx].std(0) + 1e-6  # standardized on the training part only
    x = ((x - mean) / std).to(device)
    y = y.to(device)

    activation = {"relu": nn.ReLU, "tanh": nn.Tanh, "sigmoid": nn.Sigmoid, "gelu": nn.GELU}[args.activation]
    layers, width = [], x.shape[1]
    for _ in range(args.hidden_layers):
        layers += [nn.Linear(width, args.units), activation()]
        width = args.units
    layers.append(nn.Linear(width, int(y.max()) + 1))
    model = nn.Sequential(*layers).to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=args.momentum)
    loss_fn = nn.CrossEntropyLoss()

    def evaluate(idx):
        model.eval()
        with torch.no_grad():
            logits = model(x[idx])
            return loss_fn(logits, y[idx]).item(), (logits.argmax(1) == y[idx]).float().mean().item()

    for epoch in range(1, args.epochs + 1):
        model.train()
        shuffled = train_idx[torch.randperm(len(train_idx))]
        for start in range(0, len(shuffled), args.batch_size):
            if stop_requested:
                print("stopped by SIGTERM", file=sys.stderr)
                return 143
            batch = shuffled[start:start + args.batch_size]
            optimizer.zero_grad()
            loss_fn(model(x[batch]), y[batch]).backward()
            optimizer.step()
        train_loss, train_acc = evaluate(train_idx)
        val_loss, val_acc = evaluate(val_idx)
        print(f"TUNESTREAM epoch={epoch} train_loss={train_loss:.6f} train_accuracy={train_acc:.6f} "
              f"val_loss={val_loss:.6f} val_accuracy={val_acc:.6f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
