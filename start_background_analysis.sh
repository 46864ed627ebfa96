#!/usr/bin/env bash
# Setup and testing: checks Java 17+ and Maven, builds the jars when they are missing or older than the
# sources, creates .env from .env.example (adding the background-analysis keys to an existing .env that
# lacks them), runs one background-analysis cycle as a smoke test and says where its results went, then
# prints how to run each daemon by hand and how to deploy them with systemd.
#
# Usage: ./start_background_analysis.sh [--sample]
#   --sample   smoke-test offline on the bundled BTCUSDT sample data, into target/smoke-sample-runs/
#              (sample rows are from 2024 and never mix with the live runs/ folder)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
if [ ! -f pom.xml ] || [ ! -d background-analysis ]; then
  echo "start_background_analysis.sh: not in the Alpha12 repository (no pom.xml and background-analysis/)" >&2
  exit 1
fi

readonly DAEMONS=(background-analysis autosignal tracker)
sample=false

die() {
  echo "start_background_analysis.sh: $*" >&2
  exit 1
}

step() {
  echo
  echo "==> $*"
}

while [ $# -gt 0 ]; do
  case $1 in
    --sample) sample=true; shift ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$1'; accepted: --sample, --help" ;;
  esac
done

jar_of() {
  echo "$1/target/alpha12-$1.jar"
}

# ---- Java 17+ (JAVA_HOME first, like Maven) and Maven.
step "Checking Java and Maven"
java_bin=java
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  java_bin=$JAVA_HOME/bin/java
fi
command -v "$java_bin" >/dev/null || die "no java found: install a Java 17+ JDK (e.g. apt-get install openjdk-17-jdk-headless)"
spec=$("$java_bin" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2; exit}')
case $spec in
  1.*|'') die "$java_bin is Java ${spec:-of unknown version}; Alpha12 needs Java 17 or later" ;;
esac
[ "${spec%%.*}" -ge 17 ] || die "$java_bin is Java $spec; Alpha12 needs Java 17 or later"
echo "Java $spec ($java_bin)"
have_maven=false
if command -v mvn >/dev/null; then
  have_maven=true
  mvn -B -v 2>/dev/null | sed -n 1p
else
  echo "Maven (mvn) not found: needed only to build the jars"
fi

# ---- Build when a jar is missing or older than any source it is made from.
stale=()
for d in "${DAEMONS[@]}"; do
  jar=$(jar_of "$d")
  if [ ! -f "$jar" ] || [ -n "$(find pom.xml core/pom.xml core/src/main "$d/pom.xml" "$d/src/main" \
      -type f -newer "$jar" -print -quit)" ]; then
    stale+=("$jar")
  fi
done
if [ ${#stale[@]} -gt 0 ]; then
  step "Building the jars (missing or older than the sources: ${stale[*]})"
  $have_maven || die "Maven is needed to build the jars: install Maven 3.8+ (e.g. apt-get install maven)"
  mvn -B -q -DskipTests -pl background-analysis,autosignal,tracker -am package
  echo "built; the full test suite is 'mvn -B verify'"
else
  step "The jars are up to date"
fi
for d in "${DAEMONS[@]}"; do
  ls -l "$(jar_of "$d")"
done

# ---- Settings.
step "Settings (.env)"
if [ ! -f .env ]; then
  (umask 077 && cp .env.example .env)
  echo "created .env from .env.example"
fi
is_set() {
  grep -qE "^[[:space:]]*(export[[:space:]]+)?$1=" .env
}
add_key() {
  if ! is_set "$1"; then
    # A file whose last line has no newline would glue the new key onto it.
    if [ -s .env ] && [ -n "$(tail -c 1 .env)" ]; then
      echo >> .env
    fi
    printf '%s=%s\n' "$1" "$2" >> .env
    echo "added $1=$2 to .env"
  fi
}
if is_set ALPHA12_TRAINING_INTERVAL && ! is_set ALPHA12_TRAINING_INTERVALS; then
  echo "keeping your ALPHA12_TRAINING_INTERVAL (it applies while ALPHA12_TRAINING_INTERVALS is unset)"
else
  add_key ALPHA12_TRAINING_INTERVALS 5m,15m,1h,4h,1d
fi
add_key ALPHA12_ANALYSIS_SLEEP 300
add_key ALPHA12_ANALYSIS_DAYS 120
grep -E '^(ALPHA12_SYMBOL|ALPHA12_SOURCE|ALPHA12_RUNS_DIR|ALPHA12_TRAINING_INTERVALS?|ALPHA12_ANALYSIS_[A-Z]+)=' .env || true

# ---- One cycle as a smoke test.
jar=$(jar_of background-analysis)
# Where the daemons write: the environment wins over .env, which wins over the default.
live_runs_dir=${ALPHA12_RUNS_DIR:-$(sed -n -E 's/^[[:space:]]*(export[[:space:]]+)?ALPHA12_RUNS_DIR=//p' .env | tail -n 1)}
live_runs_dir=${live_runs_dir:-runs}
if $sample; then
  runs_dir=target/smoke-sample-runs
  args=(--once --source sample --symbols BTCUSDT --runs-dir "$runs_dir")
  step "Smoke test: one cycle on the bundled sample data (offline) into $runs_dir/"
else
  runs_dir=$live_runs_dir
  args=(--once)
  step "Smoke test: one cycle against Binance into $runs_dir/ (trains every timeframe: can take minutes)"
fi
mkdir -p "$runs_dir"
marker=$(mktemp)
trap 'rm -f "$marker"' EXIT
echo "$java_bin -jar $jar ${args[*]}"
if "$java_bin" -jar "$jar" "${args[@]}"; then
  status=0
else
  status=$?
fi
case $status in
  0)
    written=$(find "$runs_dir" -type f -newer "$marker" -printf '  %p\n' | sort)
    if [ -n "$written" ]; then
      echo "smoke test passed; files written under $runs_dir/:"
      echo "$written"
    else
      echo "smoke test passed (exit 0), but the cycle wrote nothing under $runs_dir/"
    fi ;;
  78)
    echo "start_background_analysis.sh: configuration error (the line above names the key and what it" \
      "accepts): fix .env and run again" >&2
    exit 78 ;;
  *)
    echo "start_background_analysis.sh: smoke test failed with exit code $status. No network, or Binance" \
      "blocked in this region? Set ALPHA12_BINANCE_BASE_URL in .env (e.g. https://api1.binance.com or" \
      "https://data-api.binance.vision), or try './start_background_analysis.sh --sample' offline" >&2
    exit "$status" ;;
esac

# ---- What next.
cat <<EOF

==> Run the daemons by hand (from this folder; each reads .env, writes under $live_runs_dir/, logs to stderr):
  $java_bin -jar background-analysis/target/alpha12-background-analysis.jar
  $java_bin -jar autosignal/target/alpha12-autosignal.jar
  $java_bin -jar tracker/target/alpha12-tracker.jar
  Options: --once (one cycle), --source sample (offline), --now 2024-03-01T12:00:00Z, --help for all.
  Follow the results: tail -f $live_runs_dir/background_analysis.csv

==> Deploy as systemd services (Linux, as root; details in docs/deployment.md):
  sudo ops/install.sh                              # jars to /opt/alpha12, settings in /etc/alpha12/alpha12.env
  sudo systemctl enable --now alpha12.target       # all three, now and at boot (or one alpha12-<daemon>.service)
  systemctl status 'alpha12-*'
  journalctl -u alpha12-background-analysis -f
  cd /opt/alpha12 && tail -f runs/background_analysis.csv
EOF
