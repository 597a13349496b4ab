#!/usr/bin/env python3
"""Optuna side of the Tunestream search benchmark (driven by io.tunestream.bench.run.OptunaBridge).

The objective lives in the Java process: for every trial this script prints
``ASK <number> <value>...`` on stdout and reads the loss back from stdin, so each problem is
defined once, in Java. See OptunaBridge's Javadoc for the whole line protocol.

Samplers: random (RandomSampler), tpe (TPESampler, defaults), tpe-mv (TPESampler(multivariate=True)),
cmaes (CmaEsSampler). With batch b the script asks b trials before telling any of them, so that
Optuna sees them as running.
"""
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


def main():
    for line in sys.stdin:
        fields = line.rstrip("\n").split("\t")
        if fields[0] == "QUIT":
            return
        if fields[0] != "STUDY":
            send("ERROR\texpected STUDY or QUIT, got " + fields[0])
            continue
        try:
            run_study(fields[1:])
        except EOFError:
            return
        except Exception as e:  # report to Java rather than die silently
            send("ERROR\t" + type(e).__name__ + ": " + str(e).replace("\t", " ").replace("\n", " "))


if __name__ == "__main__":
    main()
