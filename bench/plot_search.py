#!/usr/bin/env python3
"""Regret-vs-trials plots for docs/benchmarks/search.md.

Usage: plot_search.py CURVES_TSV OUT_DIR
CURVES_TSV is written by io.tunestream.bench.SearchBenchmark (group, method, trial, median, q25, q75).
Writes OUT_DIR/search-regret.png (sequential methods) and OUT_DIR/search-regret-batch4.png (batch of 4).
"""
import csv
import math
import os
import sys
from collections import OrderedDict, defaultdict

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

STYLE = {
    "ts-random": ("#7f7f7f", "-"), "ts-tpe": ("#d62728", "-"), "ts-tpe-uv": ("#e377c2", "-"),
    "ts-gp": ("#1f77b4", "-"),
    "optuna-random": ("#7f7f7f", ":"), "optuna-tpe": ("#ff7f0e", "--"), "optuna-tpe-mv": ("#9467bd", "--"),
    "optuna-cmaes": ("#2ca02c", "--"),
}


def load(path):
    curves = OrderedDict()
    with open(path) as f:
        for row in csv.DictReader(f, delimiter="\t"):
            key = (row["group"], row["method"])
            curves.setdefault(key, ([], [], [], []))
            t, m, lo, hi = curves[key]
            t.append(int(row["trial"]))
            m.append(float(row["median"]))
            lo.append(float(row["q25"]))
            hi.append(float(row["q75"]))
    return curves


def plot(curves, batch, out):
    groups = list(OrderedDict.fromkeys(g for g, _ in curves))
    cols = 4
    rows = math.ceil(len(groups) / cols)
    fig, axes = plt.subplots(rows, cols, figsize=(4.2 * cols, 3.4 * rows), squeeze=False)
    suffix = "/b4"
    for ax, group in zip(axes.flat, groups):
        # Regret 0 (the optimum found) cannot sit on a log axis: draw it at half the smallest positive value.
        positive = [v for (g, _), (_, m, lo, _) in curves.items() if g == group for v in m + lo if v > 0]
        floor = min(positive) / 2 if positive else 1e-6
        for (g, method), (t, m, lo, hi) in curves.items():
            if g != group or (method.endswith(suffix) != batch):
                continue
            base = method[: -len(suffix)] if batch else method
            color, ls = STYLE.get(base, ("black", "-"))
            ax.plot(t, [max(v, floor) for v in m], ls, color=color, label=base, lw=1.6)
            ax.fill_between(t, [max(v, floor) for v in lo], [max(v, floor) for v in hi], color=color, alpha=0.08)
        ax.set_yscale("log")
        ax.set_title(group)
        ax.set_xlabel("trials")
        ax.grid(True, which="both", alpha=0.3)
    for ax in axes.flat[len(groups):]:
        ax.axis("off")
    axes[0][0].set_ylabel("simple regret (median, IQR band)")
    handles, labels = [], []
    for ax in axes.flat:
        for h, l in zip(*ax.get_legend_handles_labels()):
            if l not in labels:
                handles.append(h)
                labels.append(l)
    fig.legend(handles, labels, loc="lower center", ncol=len(labels), frameon=False)
    fig.suptitle("Simple regret vs trials, " + ("4 pending trials (batch of 4)" if batch else "sequential"))
    fig.tight_layout(rect=(0, 0.05, 1, 0.97))
    fig.savefig(out, dpi=90)
    plt.close(fig)


def main():
    curves = load(sys.argv[1])
    out_dir = sys.argv[2]
    plot(curves, False, os.path.join(out_dir, "search-regret.png"))
    plot(curves, True, os.path.join(out_dir, "search-regret-batch4.png"))


if __name__ == "__main__":
    main()
