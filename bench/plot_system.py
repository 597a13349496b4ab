"""Plots of docs/benchmarks/system.md from the JSON/CSV results of bench/system.sh.

    /usr/bin/python3 bench/plot_system.py docs/benchmarks/system docs/benchmarks

Writes system-latency.png, system-utilization.png, system-scaling.png, system-suggester-cost.png
(each only when its results exist)."""
import csv
import json
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

results, out = sys.argv[1], sys.argv[2]


def load(name):
    path = os.path.join(results, name)
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def latency():
    path = os.path.join(results, "latency-samples.csv")
    if not os.path.exists(path):
        return
    samples = {}
    with open(path) as f:
        for row in csv.DictReader(f):
            samples.setdefault((row["scheduler"], row["kind"]), []).append(float(row["millis"]))
    fig, ax = plt.subplots(figsize=(7, 4))
    palette = ["tab:blue", "tab:red", "tab:green", "tab:purple"]
    colors = {s: palette[i % len(palette)] for i, s in enumerate(sorted({k[0] for k in samples}))}
    for (scheduler, kind), values in sorted(samples.items()):
        values.sort()
        ys = [(i + 1) / len(values) for i in range(len(values))]
        label = f"{scheduler}: epoch report → STOP" if kind == "stop" else f"{scheduler}: raw produce→consume"
        ax.plot(values, ys, label=label, linestyle="-" if kind == "stop" else "--", color=colors[scheduler])
    ax.set_xscale("log")
    ax.set_xlabel("milliseconds (log scale)")
    ax.set_ylabel("fraction of samples ≤ x")
    ax.set_title("Decision latency vs the broker's own round trip (same run, same broker)")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(os.path.join(out, "system-latency.png"), dpi=110)


def utilization():
    real = load("utilization.json")
    sim = load("simulated-utilization.json")
    if real is None and sim is None:
        return
    labels, values, colors = [], [], []
    if real:
        for run in real["runs"]:
            labels.append(f"Tunestream {run['scheduler']}\n{run['slots']} slots (Kafka)")
            values.append(100 * run["trainingFraction"])
            colors.append("tab:blue")
    if sim:
        for run in sim["runs"]:
            if "synchronous" in run["method"] or "measured" in run["method"]:
                labels.append(f"{run['method']}\n{run['slots']} slots (simulated)")
                values.append(100 * run["trainingFraction"])
                colors.append("tab:red" if "synchronous" in run["method"] else "tab:cyan")
    fig, ax = plt.subplots(figsize=(8, 0.45 * len(labels) + 1.5))
    ax.barh(range(len(labels)), values, color=colors)
    ax.set_yticks(range(len(labels)))
    ax.set_yticklabels(labels, fontsize=7)
    ax.invert_yaxis()
    ax.axvline(98, color="black", linestyle=":", label="target 98%")
    ax.set_xlabel("% of slot-time training (window: first to last trial start)")
    ax.set_xlim(0, 100)
    for i, v in enumerate(values):
        ax.text(v + 0.5, i, f"{v:.1f}%", va="center", fontsize=7)
    ax.legend(fontsize=8, loc="lower right")
    ax.set_title("Worker-slot utilization, 50 ms epochs, R=27, η=3")
    fig.tight_layout()
    fig.savefig(os.path.join(out, "system-utilization.png"), dpi=110)


def scaling():
    data = load("scaling.json")
    if data is None:
        return
    ks = [r["trainers"] for r in data["runs"]]
    speedup = [r["speedup"] for r in data["runs"]]
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.plot(ks, ks, "k--", label="ideal")
    ax.plot(ks, [0.9 * k for k in ks], "k:", label="0.9 × ideal (target)")
    ax.plot(ks, speedup, "o-", label="Tunestream (trainer processes)")
    ax.set_xscale("log", base=2)
    ax.set_yscale("log", base=2)
    ax.set_xticks(ks)
    ax.set_xticklabels([str(k) for k in ks])
    ax.set_xlabel("trainer processes training at once")
    ax.set_ylabel("speedup over 1")
    ax.set_title("Fixed budget, 50 ms epochs, no early stopping")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(os.path.join(out, "system-scaling.png"), dpi=110)


def suggester():
    data = load("suggester-cost.json")
    if data is None:
        return
    fig, ax = plt.subplots(figsize=(6, 4))
    by = {}
    for cell in data["cells"]:
        by.setdefault(cell["sampler"], []).append((cell["finishedTrials"], cell["medianMillis"]))
    for sampler, points in by.items():
        points.sort()
        ax.plot([p[0] for p in points], [p[1] for p in points], "o-", label=sampler)
    ax.axvline(500, color="grey", linestyle=":", label="GP: subset of 500 from here")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("finished trials in the history")
    ax.set_ylabel("median time of one suggestion (ms)")
    ax.set_title("Suggester cost growth (one thread)")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(os.path.join(out, "system-suggester-cost.png"), dpi=110)


latency()
utilization()
scaling()
suggester()
