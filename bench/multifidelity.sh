#!/usr/bin/env bash
# Runs the multi-fidelity benchmark (Tunestream schedulers + BOHB vs Optuna 3.1 pruners, YAHPO lcbench
# surrogate, 4 workers in virtual time) and writes docs/benchmarks/multifidelity.{md,csv,png}.
#
#   bench/multifidelity.sh                     # 20 seeds, the 6 development tasks, every method
#   bench/multifidelity.sh --seeds 2 --tasks 3945 --methods random,bohb
#
# Needs: the benchmark data at ../shared/data (or pass --data), /usr/bin/python3 with Debian's
# python3-optuna and python3-matplotlib. Extra arguments go to io.tunestream.bench.MultiFidelityBenchmark
# (see its Javadoc); later ones override the defaults below.
set -euo pipefail
cd "$(dirname "$0")/.."

# Build hpo-bench and the modules it needs in one reactor (nothing is installed into ~/.m2).
./mvnw -B -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
  -DincludeScope=runtime -pl hpo-bench -am
CP="hpo-bench/target/classes:$(cat hpo-bench/target/classpath.txt)"

exec java -Xmx2g -cp "$CP" io.tunestream.bench.MultiFidelityBenchmark \
  --seeds 20 --threads 2 --workers 4 --budget 6544 --data ../shared/data --out docs/benchmarks \
  --command "bench/multifidelity.sh $*" "$@"
