#!/usr/bin/env bash
# Measures suggestion latency with JMH (random, TPE and GP at 100, 300 and 1,000 finished trials) and
# writes docs/benchmarks/latency.md.
#
#   bench/latency.sh                                   # the full run, about 3 minutes
#   bench/latency.sh --samplers gp --finished 300      # one cell
#
# Extra arguments go to io.tunestream.bench.latency.SuggestionLatencyReport.
set -euo pipefail
cd "$(dirname "$0")/.."

# Build hpo-bench and the modules it needs in one reactor (nothing is installed into ~/.m2).
./mvnw -B -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
  -DincludeScope=runtime -pl hpo-bench -am
CP="hpo-bench/target/classes:$(cat hpo-bench/target/classpath.txt)"

exec java -Xmx1g -cp "$CP" io.tunestream.bench.latency.SuggestionLatencyReport \
  --command "bench/latency.sh $*" "$@"
