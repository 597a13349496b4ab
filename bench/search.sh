#!/usr/bin/env bash
# Runs the search benchmark (Tunestream samplers vs Optuna 3.1) and writes docs/benchmarks/search.md.
#
#   bench/search.sh                       # the full run: 20 seeds, 100 trials, all problems
#   bench/search.sh --seeds 3 --problems branin,nasbench201 --latency off
#
# Needs: the benchmark data at ../shared/data (or pass --data), /usr/bin/python3 with Debian's
# python3-optuna and python3-matplotlib. Extra arguments go to io.tunestream.bench.SearchBenchmark
# (see its Javadoc); later ones override the defaults below.
set -euo pipefail
cd "$(dirname "$0")/.."

# Build hpo-bench and the modules it needs in one reactor (nothing is installed into ~/.m2).
./mvnw -B -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
  -DincludeScope=runtime -pl hpo-bench -am
CP="hpo-bench/target/classes:$(cat hpo-bench/target/classpath.txt)"

exec java -Xmx2g -cp "$CP" io.tunestream.bench.SearchBenchmark \
  --seeds 20 --trials 100 --problems all --data ../shared/data --out docs/benchmarks \
  --command "bench/search.sh $*" "$@"
