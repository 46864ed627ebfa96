#!/usr/bin/env bash
# Memory over time (issue 9): runs the packaged background analysis for N cycles (default 50) on the bundled
# sample under its systemd unit's JVM flags, prints the resident set size (VmRSS) at the end of each cycle,
# and fails unless the last is within 10 % of the fifth (no leak). Replay mode: every cycle is a simulated
# ALPHA12_ANALYSIS_SLEEP (300 s) later, so each one has a new closed 5m candle to analyse; the other
# settings are the production defaults (all five timeframes, 120 days, 200 trees).
#
#   mvn -B -q -o package -DskipTests        # builds background-analysis/target/alpha12-background-analysis.jar
#   bench/memory-soak.sh [cycles] [start]   # e.g. bench/memory-soak.sh 50 2024-03-25T00:00:00Z
#
# Results and the command's last figures: docs/benchmarks.md, "Memory over time (issue 9)".
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cycles="${1:-50}"
start="${2:-2024-03-25T00:00:00Z}"
sleep_seconds=300
jar="$root/background-analysis/target/alpha12-background-analysis.jar"
unit="$root/ops/alpha12-background-analysis.service"

if ! [[ "$cycles" =~ ^[0-9]+$ ]] || [ "$cycles" -lt 5 ]; then
  echo "memory-soak: cycles must be a whole number >= 5 (the fifth cycle is the baseline), got '$cycles'" >&2
  exit 2
fi
# The replay runs a few cycles past the last one measured; the daemon is stopped (SIGTERM) once it is
# measured, so that every reading is taken while the process is alive.
if ! end=$(date -u -d "$start + $(( (cycles + 5) * sleep_seconds )) seconds" +%Y-%m-%dT%H:%M:%SZ 2>/dev/null); then
  echo "memory-soak: start must be an ISO-8601 instant such as 2024-03-25T00:00:00Z, got '$start'" >&2
  exit 2
fi
if [ ! -f "$jar" ]; then
  echo "memory-soak: $jar is missing; build it first: mvn -B -q -o package -DskipTests" >&2
  exit 2
fi

# The JVM flags of the unit's ExecStart (continuation lines joined), less the crash-report path, and
# the unit's MALLOC_ARENA_MAX.
mapfile -t jvm_flags < <(sed -n '/^ExecStart=/,/-jar/p' "$unit" | tr -d "\\\\" | tr -s ' \t' '\n' \
  | grep -E '^-(X|D)' | grep -v '^-XX:ErrorFile=')
arena="$(grep -o 'MALLOC_ARENA_MAX=[0-9]*' "$unit" | head -n 1 | cut -d= -f2)"

work="$(mktemp -d "${TMPDIR:-/tmp}/alpha12-memory-soak.XXXXXX")"
log="$work/background-analysis.log"
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "memory-soak: $cycles cycles of the background analysis on the sample from $start, every $sleep_seconds s"
echo "memory-soak: java ${jvm_flags[*]} (MALLOC_ARENA_MAX=${arena:-unset})"
# Only this run's settings: nothing from the caller's ALPHA12_* variables or a .env steers the daemon
# (it runs in the scratch folder, which has no .env).
while IFS= read -r name; do
  unset "$name"
done < <(compgen -e | grep '^ALPHA12_' || true)
(
  cd "$work"
  export MALLOC_ARENA_MAX="${arena:-2}" ALPHA12_RUNS_DIR="$work/runs" ALPHA12_ANALYSIS_SLEEP="$sleep_seconds"
  exec java "${jvm_flags[@]}" -jar "$jar" --source sample --now "$start" --replay-to "$end" >"$log" 2>&1
) &
pid=$!

rss=()
printf '%6s  %10s\n' cycle 'VmRSS (MB)'
# Each "cycle done" line is logged at a cycle's end; the resident set is read from /proc right then.
while IFS= read -r line; do
  case "$line" in
    *"cycle done"*)
      kb="$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)"
      [ -n "$kb" ] || break
      rss+=("$kb")
      printf '%6d  %10.1f\n' "${#rss[@]}" "$(awk -v kb="$kb" 'BEGIN { print kb / 1024 }')"
      [ "${#rss[@]}" -lt "$cycles" ] || break
      ;;
  esac
done < <(tail -n +1 -F --pid="$pid" "$log" 2>/dev/null)

if [ "${#rss[@]}" -lt "$cycles" ]; then
  status=0
  wait "$pid" || status=$?
  pid=""
  echo "memory-soak: the daemon exited $status after ${#rss[@]} of $cycles cycles; its log ends:" >&2
  tail -n 20 "$log" >&2
  exit 1
fi
kill -TERM "$pid"
wait "$pid" || true
pid=""

fifth="${rss[4]}"
last="${rss[$(( ${#rss[@]} - 1 ))]}"
awk -v fifth="$fifth" -v last="$last" -v n="${#rss[@]}" 'BEGIN {
  change = (last - fifth) / fifth * 100
  printf "memory-soak: cycle 5 %.1f MB, cycle %d %.1f MB: %+.1f %% (limit +-10 %%)\n", fifth / 1024, n, last / 1024, change
  if (change > 10 || change < -10) { print "memory-soak: FAIL: the resident set drifted more than 10 %"; exit 1 }
  print "memory-soak: PASS"
}'
