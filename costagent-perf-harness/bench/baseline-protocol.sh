#!/usr/bin/env bash
# The baseline protocol behind docs/performance.md (Harness, "Baselines"): record a baseline of the checksum
# benchmark, wait (default 600 s), then compare the unchanged code 5 times and a 30 % slower variant 5 times
# against it at the default policy. Every run is forked and calibrated, as @Benchmark does against a baseline.
# Run from the project root: costagent-perf-harness/bench/baseline-protocol.sh [wait-seconds]
set -euo pipefail
wait_seconds="${1:-600}"
run() {
  mvn -o -q -pl costagent-perf-harness test -Dtest=BaselineDriftBench -Dperf.bench="$1" -Dperf.scale=1 \
      -Dsurefire.failIfNoSpecifiedTests=false | grep '^\[drift\]'
}
echo "record: $(uptime)"
run record
echo "waiting ${wait_seconds} s"
sleep "$wait_seconds"
echo "compare: $(uptime)"
run compare
echo "done: $(uptime)"
