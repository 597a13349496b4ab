#!/usr/bin/env bash
# Runs the system benchmarks of docs/benchmarks/system.md and writes docs/benchmarks/system/*.json,
# *.csv and the PNG plots.
#
#   bench/system.sh                          # everything, in this order (about 10-15 minutes on 2 cores)
#   bench/system.sh latency utilization      # only some: latency utilization scaling throughput simulation
#
# The broker-backed parts are `./tunestream bench <name>` (see ./tunestream bench --help): each starts
# Kafka and the services as processes, runs synthetic studies and stops everything again. `simulation`
# (utilization in virtual time up to 500 workers, suggester cost growth) needs no broker. Plots need
# /usr/bin/python3 with matplotlib (Debian python3-matplotlib).
set -euo pipefail
cd "$(dirname "$0")/.."

parts=("$@")
if (( ${#parts[@]} == 0 )); then
  parts=(latency utilization scaling throughput simulation)
fi

# Build the services, the CLI and hpo-bench in one reactor (nothing is installed into ~/.m2).
./mvnw -B -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
  -DincludeScope=runtime -pl tunestream-cli,hpo-bench -am

for part in "${parts[@]}"; do
  case "$part" in
    latency)     ./tunestream bench latency ;;
    utilization) ./tunestream bench utilization ;;
    scaling)     ./tunestream bench scaling ;;
    throughput)  ./tunestream bench throughput ;;
    simulation)
      # The "measured overheads" rows use the loop's own numbers when the broker runs wrote them.
      read -r dispatch stop < <(/usr/bin/python3 bench/system_overheads.py docs/benchmarks/system)
      java -Xmx2g -cp "hpo-bench/target/classes:$(cat hpo-bench/target/classpath.txt)" \
        io.tunestream.bench.system.SystemSimulationBenchmark --out docs/benchmarks/system \
        --dispatch-ms "$dispatch" --stop-ms "$stop"
      ;;
    *) echo "bench/system.sh: unknown part '$part' (latency utilization scaling throughput simulation)" >&2; exit 2 ;;
  esac
done

/usr/bin/python3 bench/plot_system.py docs/benchmarks/system docs/benchmarks
