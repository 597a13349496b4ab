"""Prints '<dispatch ms> <stop ms>' for the simulation's "measured overheads" rows, from the broker runs:
the mean wait of a slot between two trials (utilization.json, 16 slots, ASHA) and the median STOP latency
(latency.json, ASHA). Falls back to 5 and 10 ms when those files are missing."""
import json
import os
import sys

out = sys.argv[1]
dispatch, stop = 5.0, 10.0
try:
    with open(os.path.join(out, "utilization.json")) as f:
        runs = [r for r in json.load(f)["runs"] if r["scheduler"] == "asha"]
    run = min(runs, key=lambda r: r["slots"])
    waiting = (1 - run["holdingFraction"]) * run["slots"] * run["windowSeconds"]
    dispatch = 1000 * waiting / max(1, run["trials"])
except (OSError, KeyError, ValueError):
    pass
try:
    with open(os.path.join(out, "latency.json")) as f:
        stop = [r for r in json.load(f)["runs"] if r["scheduler"] == "asha"][0]["stopLatencyMillis"]["p50"]
except (OSError, KeyError, ValueError, IndexError):
    pass
print(f"{dispatch:.3f} {stop:.3f}")
