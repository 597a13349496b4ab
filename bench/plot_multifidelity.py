#!/usr/bin/env python3
"""Plots docs/benchmarks/multifidelity.csv (written by io.tunestream.bench.MultiFidelityBenchmark).

Usage: plot_multifidelity.py <csv> <png>. One panel per lcbench task: median normalized regret vs
fraction of the budget spent, with the IQR shaded, log-scaled regret.
"""
import csv
import sys
from collections import OrderedDict

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def main(csv_path, png_path):
    data = OrderedDict()
    with open(csv_path, newline="") as f:
        for row in csv.DictReader(f):
            series = data.setdefault(row["task"], OrderedDict()).setdefault(row["method"], ([], [], [], []))
            series[0].append(float(row["fraction"]))
            series[1].append(float(row["median"]))
            series[2].append(float(row["q25"]))
            series[3].append(float(row["q75"]))
    tasks = list(data)
    cols = 3
    rows = (len(tasks) + cols - 1) // cols
    fig, axes = plt.subplots(rows, cols, figsize=(5 * cols, 3.8 * rows), squeeze=False)
    floor = 1e-4
    for i, task in enumerate(tasks):
        ax = axes[i // cols][i % cols]
        for method, (x, med, lo, hi) in data[task].items():
            style = "--" if method.startswith("optuna") else "-"
            line, = ax.plot(x, [max(v, floor) for v in med], style, label=method, linewidth=1.4)
            ax.fill_between(x, [max(v, floor) for v in lo], [max(v, floor) for v in hi], color=line.get_color(),
                            alpha=0.12)
        ax.set_yscale("log")
        ax.set_xlim(0, 1)
        ax.set_title(task)
        ax.set_xlabel("fraction of budget (6,544 epochs)")
        ax.set_ylabel("normalized regret")
        for x in (0.2, 0.5):
            ax.axvline(x, color="grey", linewidth=0.6, linestyle=":")
        ax.grid(True, which="major", alpha=0.3)
    for j in range(len(tasks), rows * cols):
        axes[j // cols][j % cols].axis("off")
    handles, labels = axes[0][0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower center", ncol=len(labels), fontsize=9)
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    fig.savefig(png_path, dpi=110)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
