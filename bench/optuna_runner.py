#!/usr/bin/env python3
"""Optuna side of the Tunestream search benchmark (driven by io.tunestream.bench.run.OptunaBridge).

The objective lives in the Java process: for every trial this script prints
``ASK <number> <value>...`` on stdout and reads the loss back from stdin, so each problem is
defined once, in Java. See OptunaBridge's Javadoc for the whole line protocol.

Samplers: random (RandomSampler), tpe (TPESampler, defaults), tpe-mv (TPESampler(multivariate=True)),
cmaes (CmaEsSampler). With batch b the script asks b trials before telling any of them, so that
Optuna sees them as running.

Multi-fidelity mode (driven by io.tunestream.bench.run.OptunaPrunerBridge)::

  java   -> python  MFSTUDY  pruner  seed  budget  workers  maxEpochs  param...
  python -> java    CURVE  number  value...               (one value per param, in order)
  java   -> python  loss,loss,...<TAB>seconds,seconds,...  (maxEpochs values each: the learning curve)
  python -> java    DONE  askSeconds  number:epoch,...     (every epoch spent, in virtual-time order)

TPESampler(seed) with pruner hyperband (HyperbandPruner(min_resource=2, max_resource=maxEpochs,
reduction_factor=3)) or median (MedianPruner(), Optuna's defaults). ``workers`` trials train at once in
virtual time (ask/tell with that many open trials); each epoch is reported with trial.report and
followed by trial.should_prune; the study ends when ``budget`` epochs have been spent.
"""
import heapq
import logging
import sys
import time
import warnings

import optuna

optuna.logging.set_verbosity(optuna.logging.ERROR)
warnings.simplefilter("ignore")


def make_sampler(name, seed):
    if name == "random":
        return optuna.samplers.RandomSampler(seed=seed)
    if name == "tpe":
        return optuna.samplers.TPESampler(seed=seed)
    if name == "tpe-mv":
        return optuna.samplers.TPESampler(seed=seed, multivariate=True)
    if name == "cmaes":
        return optuna.samplers.CmaEsSampler(seed=seed)
    raise ValueError("sampler must be one of random, tpe, tpe-mv, cmaes, but was " + name)


def make_pruner(name, max_epochs):
    if name == "hyperband":
        return optuna.pruners.HyperbandPruner(min_resource=2, max_resource=max_epochs, reduction_factor=3)
    if name == "median":
        return optuna.pruners.MedianPruner()
    raise ValueError("pruner must be one of hyperband, median, but was " + name)


def parse_param(spec):
    name, kind, rest = spec.split(";", 2)
    if kind == "float":
        low, high, log = rest.split(";")
        return name, optuna.distributions.FloatDistribution(float(low), float(high), log=log == "1")
    if kind == "int":
        low, high, log = rest.split(";")
        return name, optuna.distributions.IntDistribution(int(low), int(high), log=log == "1")
    if kind == "cat":
        return name, optuna.distributions.CategoricalDistribution(rest.split(","))
    raise ValueError("parameter kind must be float, int or cat, but was " + kind)


def fmt(value):
    if isinstance(value, float):
        return repr(value)
    return str(value)


def send(line):
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def run_study(fields):
    sampler_name, seed, trials, batch = fields[0], int(fields[1]), int(fields[2]), int(fields[3])
    params = [parse_param(spec) for spec in fields[4:]]
    distributions = dict(params)
    study = optuna.create_study(direction="minimize", sampler=make_sampler(sampler_name, seed))
    ask_seconds = 0.0
    done = 0
    while done < trials:
        round_trials = []
        for _ in range(min(batch, trials - done)):
            t0 = time.perf_counter()
            trial = study.ask(distributions)
            ask_seconds += time.perf_counter() - t0
            round_trials.append(trial)
        losses = []
        for trial in round_trials:
            send("\t".join(["ASK", str(trial.number)] + [fmt(trial.params[name]) for name, _ in params]))
            answer = sys.stdin.readline()
            if not answer:
                raise EOFError("Java closed the pipe mid-study")
            losses.append(float(answer))
        for trial, loss in zip(round_trials, losses):
            study.tell(trial, loss)
        done += len(round_trials)
    send("DONE\t" + repr(ask_seconds))


def run_multifidelity(fields):
    pruner_name, seed, budget, workers, max_epochs = (fields[0], int(fields[1]), int(fields[2]), int(fields[3]),
                                                      int(fields[4]))
    params = [parse_param(spec) for spec in fields[5:]]
    distributions = dict(params)
    # A fixed study name: HyperbandPruner assigns brackets by hashing it with the trial number.
    study = optuna.create_study(direction="minimize", sampler=optuna.samplers.TPESampler(seed=seed),
                                pruner=make_pruner(pruner_name, max_epochs), study_name="mf-" + str(seed))
    ask_seconds = [0.0]
    queue = []
    order = [0]
    trace = []

    def start(now):
        t0 = time.perf_counter()
        trial = study.ask(distributions)
        ask_seconds[0] += time.perf_counter() - t0
        send("\t".join(["CURVE", str(trial.number)] + [fmt(trial.params[name]) for name, _ in params]))
        answer = sys.stdin.readline()
        if not answer:
            raise EOFError("Java closed the pipe mid-study")
        losses_text, seconds_text = answer.rstrip("\n").split("\t")
        losses = [float(v) for v in losses_text.split(",")]
        seconds = [float(v) for v in seconds_text.split(",")]
        state = {"trial": trial, "losses": losses, "seconds": seconds, "epoch": 0}
        heapq.heappush(queue, (now + seconds[0], order[0], state))
        order[0] += 1

    for _ in range(workers):
        start(0.0)
    spent = 0
    while spent < budget:
        now, _, state = heapq.heappop(queue)
        trial = state["trial"]
        state["epoch"] += 1
        epoch = state["epoch"]
        loss = state["losses"][epoch - 1]
        spent += 1
        trace.append(str(trial.number) + ":" + str(epoch))
        trial.report(loss, epoch)
        if spent >= budget:
            break
        if epoch >= max_epochs:
            study.tell(trial, loss)
            start(now)
        elif trial.should_prune():
            study.tell(trial, state=optuna.trial.TrialState.PRUNED)
            start(now)
        else:
            heapq.heappush(queue, (now + state["seconds"][epoch], order[0], state))
            order[0] += 1
    send("DONE\t" + repr(ask_seconds[0]) + "\t" + ",".join(trace))


def main():
    for line in sys.stdin:
        fields = line.rstrip("\n").split("\t")
        if fields[0] == "QUIT":
            return
        if fields[0] not in ("STUDY", "MFSTUDY"):
            send("ERROR\texpected STUDY, MFSTUDY or QUIT, got " + fields[0])
            continue
        try:
            if fields[0] == "STUDY":
                run_study(fields[1:])
            else:
                run_multifidelity(fields[1:])
        except EOFError:
            return
        except Exception as e:  # report to Java rather than die silently
            send("ERROR\t" + type(e).__name__ + ": " + str(e).replace("\t", " ").replace("\n", " "))


if __name__ == "__main__":
    main()
