#!/usr/bin/env bash
# Trains the same model with alpha12 (Smile random forest) and with scikit-learn on one real dataset and
# prints wall time, peak memory and out-of-fold AUC of each. See docs/benchmarks.md, "Model (issue 4)".
#
# usage: bench/train-vs-sklearn.sh [SOURCE] [DAYS]
#   SOURCE  csv:<dir> holding BTCUSDT-15m.csv in Binance public-data columns, or "sample" (the bundled
#           91-day sample). Default: csv:../shared/data/binance (relative to the repository root) when it exists, else sample.
#   DAYS    days of labelled 15m rows to keep (default 120 = 11,520 rows)
# Environment: JAVA_OPTS (default: the daemons' systemd flags), TREES, MAX_DEPTH, MAX_NODES, NODE_SIZE
# (default: ForestSettings' defaults), FOLDS (5), HORIZON (12), CPUS (cores both run on, default 0,1).
set -euo pipefail
cd "$(dirname "$0")/.."

source_spec=${1:-}
if [[ -z "$source_spec" ]]; then
    if [[ -f ../shared/data/binance/BTCUSDT-15m.csv ]]; then
        source_spec=csv:../shared/data/binance
    else
        source_spec=sample
    fi
fi
days=${2:-120}
horizon=${HORIZON:-12}
folds=${FOLDS:-5}
cpus=${CPUS:-0,1}
java_opts=${JAVA_OPTS:--Xms64m -Xmx224m -XX:MaxMetaspaceSize=64m -XX:ReservedCodeCacheSize=32m -XX:MaxDirectMemorySize=16m -XX:+UseSerialGC}
read -r -a java_flags <<< "$java_opts"
work=target/bench-model
mkdir -p "$work"

if ! /usr/bin/python3 -c 'import sklearn' 2>/dev/null; then
    echo "scikit-learn is missing: installing the Debian package python3-sklearn with apt-get"
    if [[ $(id -u) -eq 0 ]]; then apt-get install -y -q python3-sklearn; else sudo apt-get install -y -q python3-sklearn; fi
fi
if ! command -v /usr/bin/time >/dev/null; then
    echo "/usr/bin/time is needed for peak memory (Debian package: time)" >&2
    exit 1
fi
pin=()
if command -v taskset >/dev/null; then pin=(taskset -c "$cpus"); fi

echo "== building the bench jar (mvn package, no install)"
mvn -B -q -o -pl bench -am package -DskipTests
jar=bench/target/alpha12-bench.jar
read -r trees max_depth max_nodes node_size < <(java -cp "$jar" alpha12.bench.TrainBenchmark --defaults)
trees=${TREES:-$trees}; max_depth=${MAX_DEPTH:-$max_depth}; max_nodes=${MAX_NODES:-$max_nodes}; node_size=${NODE_SIZE:-$node_size}

dataset="$work/BTCUSDT-15m-${days}d.csv"
echo "== exporting the dataset from $source_spec"
java -cp "$jar" alpha12.bench.ExportDataset "$source_spec" BTCUSDT 15m "$days" "$horizon" 1.0 "$dataset"

echo "== alpha12 (Smile $trees trees, maxDepth $max_depth, maxNodes $max_nodes, nodeSize $node_size; JVM: $java_opts)"
MALLOC_ARENA_MAX=2 "${pin[@]}" /usr/bin/time -v -o "$work/java.time" java "${java_flags[@]}" -cp "$jar" \
    alpha12.bench.TrainBenchmark "$dataset" --trees "$trees" --max-depth "$max_depth" --max-nodes "$max_nodes" \
    --node-size "$node_size" --folds "$folds" --horizon "$horizon" --publish-dir "$work/runs" | tee "$work/java.out"

# scikit-learn counts depth in edges below the root, Smile in node levels: Smile's maxDepth d = sklearn's d - 1
echo "== scikit-learn $(/usr/bin/python3 -c 'import sklearn; print(sklearn.__version__)') (n_jobs=2)"
"${pin[@]}" /usr/bin/time -v -o "$work/sklearn.time" /usr/bin/python3 bench/sklearn/train_sklearn.py "$dataset" \
    "$trees" $((max_depth - 1)) "$max_nodes" "$node_size" "$folds" "$horizon" 2 | tee "$work/sklearn.out"

wall() { # "h:mm:ss" or "m:ss.ss" -> seconds
    awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$1"
}
rss() { awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$1"; }
cpu() { awk -F': ' '/User time|System time/ {s += $2} END {printf "%.1f", s}' "$1"; }
auc() { grep -o 'oof_auc=[0-9.]*' "$1" | cut -d= -f2; }
jw=$(wall "$work/java.time"); sw=$(wall "$work/sklearn.time")
echo
echo "== summary (load average $(cut -d' ' -f1-3 /proc/loadavg))"
printf "%-10s %10s %10s %14s %10s\n" "" "wall s" "CPU s" "peak RSS MB" "OOF AUC"
printf "%-10s %10.1f %10s %14s %10s\n" alpha12 "$jw" "$(cpu "$work/java.time")" "$(rss "$work/java.time")" \
    "$(auc "$work/java.out")"
printf "%-10s %10.1f %10s %14s %10s\n" sklearn "$sw" "$(cpu "$work/sklearn.time")" "$(rss "$work/sklearn.time")" \
    "$(auc "$work/sklearn.out")"
awk -v j="$jw" -v s="$sw" -v ja="$(auc "$work/java.out")" -v sa="$(auc "$work/sklearn.out")" \
    'BEGIN {printf "speed-up (sklearn wall / alpha12 wall): %.2fx   AUC difference: %+.4f\n", s / j, ja - sa}'
