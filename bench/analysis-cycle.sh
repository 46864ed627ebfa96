#!/usr/bin/env bash
# One full background-analysis --once cycle: one asset x five intervals x 120 days, from local files
# (the warm-cache case: no download), under the systemd unit's JVM flags. Prints wall time and peak RSS.
# See docs/benchmarks.md, "Background analysis cycle (issue 5)".
#
# usage: bench/analysis-cycle.sh [SHARED_DATA_DIR]   (default: ../shared/data/binance)
#
# The data: real BTCUSDT klines ending 2024-04-01T00:00Z. 1h, 4h and 1d come unchanged from the shared
# files. 120 days of 5m do not exist in one piece there, so the 5m series is the real 2024-Q1 5m file
# (26,208 bars) preceded by the real 2026 5m file (9,999 bars) re-stamped to end at 2024-01-01 and its prices
# scaled so the two pieces join; 15m is that 5m series aggregated (it equals the real 15m file for 2024).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared/data/binance}
jar=background-analysis/target/alpha12-background-analysis.jar
work=target/bench-cycle
flags=(-Xms64m -Xmx224m -XX:MaxMetaspaceSize=64m -XX:ReservedCodeCacheSize=32m -XX:MaxDirectMemorySize=16m
       -Djdk.nio.maxCachedBufferSize=262144 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError
       -Dfile.encoding=UTF-8 -Duser.timezone=UTC)

[[ -f "$jar" ]] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 1; }
command -v /usr/bin/time >/dev/null || { echo "/usr/bin/time is needed (Debian package: time)" >&2; exit 1; }
rm -rf "$work" && mkdir -p "$work/data"
python3 - "$shared" "$work/data" <<'PY'
import sys
src, out = sys.argv[1], sys.argv[2]
END = 1711929600000  # 2024-04-01T00:00Z
FIVE = 300000

def rows(path):
    with open(path) as f:
        return [l.rstrip('\n').split(',') for l in f if l[:1].isdigit()]

def write(name, bars):
    with open(f"{out}/BTCUSDT-{name}.csv", 'w') as f:
        for b in bars:
            f.write(','.join(str(x) for x in b) + '\n')

q1 = [[int(r[0])] + [float(x) for x in r[1:6]] for r in rows(f"{src}/extra/BTCUSDT-5m-2024Q1.csv")]
late = [[int(r[0])] + [float(x) for x in r[1:6]] for r in rows(f"{src}/BTCUSDT-5m.csv")]
scale = q1[0][1] / late[-1][4]
shift = q1[0][0] - FIVE - late[-1][0]
five = [[t + shift, o * scale, h * scale, l * scale, c * scale, v] for t, o, h, l, c, v in late] + q1
write('5m', five)
fifteen, group = [], []
for b in five:
    if group and b[0] // 900000 != group[0][0] // 900000:
        fifteen.append([group[0][0] // 900000 * 900000, group[0][1], max(g[2] for g in group),
                        min(g[3] for g in group), group[-1][4], sum(g[5] for g in group)])
        group = []
    group.append(b)
fifteen.append([group[0][0] // 900000 * 900000, group[0][1], max(g[2] for g in group),
                min(g[3] for g in group), group[-1][4], sum(g[5] for g in group)])
write('15m', fifteen)
for iv in ('1h', '4h', '1d'):
    write(iv, [r for r in rows(f"{src}/BTCUSDT-{iv}.csv") if int(r[0]) < END])
print(f"data: 5m {len(five)} bars, 15m {len(fifteen)} bars (120 days = 34,560 / 11,520)")
PY
echo "run: java <unit flags> -jar $jar --once --source csv:$work/data --now 2024-04-01T00:00:00Z"
MALLOC_ARENA_MAX=2 /usr/bin/time -v -o "$work/time.txt" java "${flags[@]}" -jar "$jar" --once \
    --source "csv:$work/data" --now 2024-04-01T00:00:00Z --runs-dir "$work/runs" 2> "$work/log.txt"
grep -E "Elapsed \(wall clock\)|Maximum resident" "$work/time.txt"
