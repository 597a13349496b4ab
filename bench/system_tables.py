"""Prints the Markdown tables of docs/benchmarks/system.md from the results in docs/benchmarks/system.

    /usr/bin/python3 bench/system_tables.py docs/benchmarks/system
"""
import json
import os
import sys

results = sys.argv[1]


def load(name):
    path = os.path.join(results, name)
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def f(x, digits=2):
    return "–" if x is None else f"{x:.{digits}f}"


def latency(label, data):
    print(f"\n#### Decision latency ({label}; load average at start {data['loadAverageAtStart'].split()[0]})\n")
    print("| scheduler | STOPs | STOP p50 | p90 | p99 | max | report→decision p50 / p99 | decision→arrival p50 / p99 | raw round trip p50 | p99 | max | p50 ratio | p99 ratio | epochs run after a STOP |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in data["runs"]:
        s, raw = r["stopLatencyMillis"], r["roundTripMillis"]
        a, b = r.get("reportToDecisionMillis", {}), r.get("decisionToArrivalMillis", {})
        print(f"| {r['scheduler']} | {s['count']} | {f(s['p50'])} | {f(s['p90'])} | {f(s['p99'])} | {f(s['max'])} | "
              f"{f(a.get('p50'))} / {f(a.get('p99'))} | {f(b.get('p50'))} / {f(b.get('p99'))} | {f(raw['p50'])} | {f(raw['p99'])} | "
              f"{f(raw['max'])} | {f(r['p50OverRoundTripP50'])}× | {f(r['p99OverRoundTripP99'])}× | {f(r['epochsRunAfterStop'])} |")
    r = data["runs"][0]
    l5 = r.get("roundTripLinger5Millis")
    if l5:
        print(f"\nSame run, raw round trip with Kafka 4's default `linger.ms=5`: p50 {f(l5['p50'])} ms, p99 {f(l5['p99'])} ms.")


def utilization(data, label):
    print(f"\n#### Utilization through Kafka ({label}; load average at start {data['loadAverageAtStart'].split()[0]})\n")
    print("| scheduler | slots (trainers × slots) | trials | window (s) | training | holding a trial | training, whole run | STOP p50 / p99 (ms) | epochs run after a STOP |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in data["runs"]:
        s = r["stopLatencyMillis"]
        print(f"| {r['scheduler']} | {r['slots']} ({r['trainers']}×{r['slotsPerTrainer']}) | {r['trials']} | {f(r['windowSeconds'], 1)} | "
              f"{100 * r['trainingFraction']:.1f}% | {100 * r['holdingFraction']:.1f}% | {100 * r['trainingFractionWholeRun']:.1f}% | "
              f"{f(s['p50'])} / {f(s['p99'])} | {f(r['epochsRunAfterStop'])} |")


def simulated(name, data):
    print(f"\n#### {name} (virtual time; dispatch gap {f(data['dispatchMillis'])} ms, STOP latency {f(data['stopMillis'])} ms)\n")
    print("| method | slots | trials | makespan (s) | training (window) | idle (window) | training, whole run | epochs | regret |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in data["runs"]:
        print(f"| {r['method']} | {r['slots']} | {r['trials']} | {f(r['makespanSeconds'], 1)} | {100 * r['trainingFraction']:.1f}% | "
              f"{100 * r['idleFraction']:.1f}% | {100 * r['trainingFractionWholeRun']:.1f}% | {r['epochs']} | {f(r['regret'], 4)} |")


def throughput(label, data):
    r = data["rates"]
    print(f"\n#### Throughput ({label}; {data['shape']['trainers']}×{data['shape']['slotsPerTrainer']} slots, "
          f"{data['study']['studies']} studies, R={data['study']['maxEpochs']}, zero-time epochs; load average at start "
          f"{data['loadAverageAtStart'].split()[0]})\n")
    print("| epoch events/s | all reports/s | decisions/s | suggestions/s | raw broker records/s (same broker) | ratio |")
    print("|---|---|---|---|---|---|")
    print(f"| {r['epochEventsPerSecond']:.0f} | {r['allReportsPerSecond']:.0f} | {r['decisionsPerSecond']:.1f} | "
          f"{r['suggestionsPerSecond']:.1f} | {r.get('rawBrokerRecordsPerSecond', 0):.0f} | {f(r.get('epochEventsOverRaw'), 3)} |")
    print("\n| process | CPU ms per 1,000 epoch events | cores used |")
    print("|---|---|---|")
    for name, ms in data["cpuMillisPer1000EpochEvents"].items():
        if name.startswith("trainer-") and len([k for k in data["cpuMillisPer1000EpochEvents"] if k.startswith("trainer-")]) == 1:
            continue
        print(f"| {name} | {f(ms, 0)} | {f(data['coresUsed'][name])} |")


def scaling(data):
    print(f"\n#### Scaling (load average at start {data['loadAverageAtStart'].split()[0]}; serial training "
          f"{data['study']['serialTrainingSeconds']} s)\n")
    print("| trainer processes | wall (s) | ideal (s) | speedup | speedup / ideal | ideal wall / wall |")
    print("|---|---|---|---|---|---|")
    for r in data["runs"]:
        print(f"| {r['trainers']} | {f(r['wallSeconds'])} | {f(r['idealSeconds'])} | {f(r['speedup'])} | {f(r['speedupOverIdeal'])} | {f(r['idealOverWall'])} |")


def suggester(data):
    print("\n#### Suggester cost (one thread, median of repeats)\n")
    cells = data["cells"]
    sizes = sorted({c["finishedTrials"] for c in cells})
    samplers = list(dict.fromkeys(c["sampler"] for c in cells))
    print("| sampler | " + " | ".join(f"{n} trials" for n in sizes) + " |")
    print("|---|" + "---|" * len(sizes))
    for s in samplers:
        row = {c["finishedTrials"]: c["medianMillis"] for c in cells if c["sampler"] == s}
        print(f"| {s} | " + " | ".join(("< 0.01 ms" if row[n] < 0.01 else f"{row[n]:.2f} ms") if n in row else "–" for n in sizes) + " |")


for label, name in (("1. before: Kafka's linger.ms=5, every epoch report awaited", "latency-before.json"),
                    ("2. linger.ms=0, epoch reports pipelined; results-service still awaits each decision's ack",
                     "latency-before-pipelining.json"),
                    ("3. all fixes (2 + results-service and suggester pipelining)", "latency.json")):
    d = load(name)
    if d:
        latency(label, d)
for label, name in (("A. linger.ms=0 and pipelined epoch reports only", "utilization-before-pipelining.json"),
                    ("B. A + results-service does not wait for each decision's ack", "utilization-before-suggester-pipelining.json"),
                    ("C. B + the suggester does not wait for each suggestion's ack (all fixes)", "utilization.json")):
    d = load(name)
    if d:
        utilization(d, label)
        for failure in d.get("failures", []):
            print(f"\nNot measured: {failure}")
d = load("simulated-utilization.json")
if d:
    simulated("Utilization, simulated with the loop's measured overheads", d)
for label, name in (("with fixes 1-2; measured before fixes 3-4", "throughput.json"),):
    d = load(name)
    if d:
        throughput(label, d)
d = load("scaling.json")
if d:
    scaling(d)
d = load("simulated-large-scale.json")
if d:
    simulated("Large scale: 500 workers, 20,000 trials", d)
d = load("suggester-cost.json")
if d:
    suggester(d)
