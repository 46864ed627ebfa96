#!/usr/bin/env bash
# Installs the three Alpha12 daemons as systemd services (see docs/deployment.md).
#
# Idempotent: run it again to upgrade. Files that did not change are left alone, jars are replaced by
# rename (a running daemon keeps its old jar until restarted), and /etc/alpha12/alpha12.env is created
# once from .env.example and never overwritten. Builds nothing: it takes the three jars, by default from
# the repository's target folders after `mvn -B package`.
#
# With DESTDIR set it stages everything under that folder instead of /, without root: it then skips
# creating the user, changing owners, checking /usr/bin/java and running systemctl, and says so.
set -euo pipefail

readonly DAEMONS=(background-analysis autosignal tracker)
readonly SERVICE_USER=alpha12
readonly PREFIX=/opt/alpha12
readonly STATE_DIR=/var/lib/alpha12
readonly RUNS_DIR=/var/lib/alpha12/runs
readonly LOG_DIR=/var/log/alpha12
readonly CONF_DIR=/etc/alpha12
readonly ENV_FILE=/etc/alpha12/alpha12.env
readonly UNIT_DIR=/etc/systemd/system
readonly JAVA=/usr/bin/java

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
destdir=${DESTDIR:-}
jar_dir=""

usage() {
  cat <<EOF
Usage: sudo ops/install.sh [--jars DIR]

Installs alpha12-{background-analysis,autosignal,tracker}.jar into $PREFIX/lib, the systemd units and
alpha12.target into $UNIT_DIR, creates the user $SERVICE_USER, $RUNS_DIR (also reachable as
$PREFIX/runs), $LOG_DIR and, when absent, $ENV_FILE (mode 600) from .env.example,
then runs systemctl daemon-reload. Safe to run again to upgrade.

  --jars DIR   take the three jars from DIR (default: <repo>/<daemon>/target/, built by mvn -B package)
  -h, --help   show this help

Environment: DESTDIR=/some/dir stages the files under that folder without root (no user, no chown,
no systemctl).
EOF
}

die() {
  echo "install.sh: $*" >&2
  exit 1
}

say() {
  echo "install.sh: $*"
}

while [ $# -gt 0 ]; do
  case $1 in
    --jars) [ $# -ge 2 ] || die "--jars needs a folder"; jar_dir=$2; shift 2 ;;
    --jars=*) jar_dir=${1#--jars=}; shift ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown argument '$1'; accepted: --jars DIR, --help" ;;
  esac
done

jar_source() {
  if [ -n "$jar_dir" ]; then
    echo "$jar_dir/alpha12-$1.jar"
  else
    echo "$repo/$1/target/alpha12-$1.jar"
  fi
}

# ---- Check everything before changing anything.
if [ -z "$destdir" ] && [ "$(id -u)" -ne 0 ]; then
  die "run as root (sudo ops/install.sh), or set DESTDIR to stage the files into a folder"
fi
for d in "${DAEMONS[@]}"; do
  jar=$(jar_source "$d")
  if [ ! -f "$jar" ] || [ ! -s "$jar" ]; then
    die "missing $jar; build the jars with 'mvn -B package' or pass --jars DIR"
  fi
  [ "$(head -c 2 "$jar")" = PK ] || die "$jar is not a jar (zip) file"
  [ -f "$here/alpha12-$d.service" ] || die "missing $here/alpha12-$d.service"
done
[ -f "$here/alpha12.target" ] || die "missing $here/alpha12.target"
[ -f "$repo/.env.example" ] || die "missing $repo/.env.example"
if [ -e "$destdir$PREFIX/runs" ] && [ ! -L "$destdir$PREFIX/runs" ]; then
  die "$destdir$PREFIX/runs is a real folder; move its files into $destdir$RUNS_DIR, remove it and run again"
fi
if [ -z "$destdir" ]; then
  [ -x "$JAVA" ] || die "no $JAVA, which the units run: install a Java 17+ runtime (e.g. apt-get install openjdk-17-jre-headless)"
  spec=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2; exit}')
  case $spec in
    1.*|'') die "$JAVA is Java ${spec:-of unknown version}; the daemons need Java 17 or later" ;;
  esac
  [ "${spec%%.*}" -ge 17 ] || die "$JAVA is Java $spec; the daemons need Java 17 or later"
else
  say "DESTDIR=$destdir: staging only; skipping the user, owners, the $JAVA check and systemctl"
fi

# ---- The user the daemons run as.
if [ -z "$destdir" ]; then
  if getent passwd "$SERVICE_USER" >/dev/null; then
    say "user $SERVICE_USER exists"
  else
    nologin=$(command -v nologin || echo /bin/false)
    useradd --system --user-group --home-dir "$STATE_DIR" --no-create-home --shell "$nologin" \
      --comment "Alpha12 daemons" "$SERVICE_USER"
    say "created system user $SERVICE_USER"
  fi
fi

changes=0

# dir PATH MODE OWNER: create (or fix the mode and owner of) a folder.
dir() {
  mkdir -p "$destdir$1"
  chmod "$2" "$destdir$1"
  if [ -z "$destdir" ]; then
    chown "$3" "$1"
  fi
}

# put SOURCE TARGET MODE: install a root-owned file unless it is already identical. The copy is renamed
# into place, so a daemon that has the old file open keeps reading the old one.
put() {
  local target=$destdir$2
  if [ -f "$target" ] && cmp -s "$1" "$target" && [ "$(stat -c %a "$target")" = "${3#0}" ]; then
    return
  fi
  local verb=installed
  [ -e "$target" ] && verb=updated
  cp "$1" "$target.new.$$"
  chmod "$3" "$target.new.$$"
  mv -f "$target.new.$$" "$target"
  say "$verb $2"
  changes=$((changes + 1))
}

dir "$PREFIX" 0755 root:root
dir "$PREFIX/lib" 0755 root:root
dir "$CONF_DIR" 0755 root:root
dir "$STATE_DIR" 0755 root:root
dir "$RUNS_DIR" 0750 "$SERVICE_USER:$SERVICE_USER"
dir "$LOG_DIR" 0750 "$SERVICE_USER:$SERVICE_USER"
mkdir -p "$destdir$UNIT_DIR"

for d in "${DAEMONS[@]}"; do
  put "$(jar_source "$d")" "$PREFIX/lib/alpha12-$d.jar" 0644
  put "$here/alpha12-$d.service" "$UNIT_DIR/alpha12-$d.service" 0644
done
put "$here/alpha12.target" "$UNIT_DIR/alpha12.target" 0644
# The current list of settings, to compare with the installed env file after an upgrade.
put "$repo/.env.example" "$PREFIX/alpha12.env.example" 0644

# ---- Settings: created once, never overwritten.
if [ -e "$destdir$ENV_FILE" ]; then
  say "kept $ENV_FILE (never overwritten)"
  mode=$(stat -c %a "$destdir$ENV_FILE")
  [ "$mode" = 600 ] || say "warning: $ENV_FILE has mode $mode; 'chmod 600 $ENV_FILE' keeps it private"
  missing=()
  while IFS= read -r key; do
    grep -qE "^(export +)?(# *)?$key=" "$destdir$ENV_FILE" || missing+=("$key")
  done < <(grep -oE '^(# )?[A-Z][A-Z0-9_]*=' "$repo/.env.example" | sed -e 's/^# //' -e 's/=$//')
  if [ ${#missing[@]} -gt 0 ]; then
    say "settings not in $ENV_FILE (their defaults apply; see $PREFIX/alpha12.env.example): ${missing[*]}"
  fi
else
  (umask 077 && cp "$repo/.env.example" "$destdir$ENV_FILE.new.$$")
  chmod 600 "$destdir$ENV_FILE.new.$$"
  mv -f "$destdir$ENV_FILE.new.$$" "$destdir$ENV_FILE"
  say "created $ENV_FILE from .env.example (mode 600): edit it, then restart the daemons"
  changes=$((changes + 1))
fi

# ---- runs/ lives in the state folder; /opt/alpha12/runs points there so `tail -f runs/...` works.
link=$destdir$PREFIX/runs
if [ ! -L "$link" ] || [ "$(readlink "$link")" != "$RUNS_DIR" ]; then
  ln -sfn "$RUNS_DIR" "$link"
  say "linked $PREFIX/runs -> $RUNS_DIR"
  changes=$((changes + 1))
fi
[ "$changes" -gt 0 ] || say "every file was already up to date"

# ---- Tell systemd.
if [ -z "$destdir" ]; then
  if command -v systemctl >/dev/null && [ -d /run/systemd/system ]; then
    systemctl daemon-reload
    say "systemctl daemon-reload done"
    for d in "${DAEMONS[@]}"; do
      if systemctl is-active --quiet "alpha12-$d.service"; then
        say "alpha12-$d is running the jar it started with: sudo systemctl restart alpha12-$d"
      fi
    done
  else
    say "systemd is not running on this machine: skipped systemctl daemon-reload"
  fi
fi

cat <<EOF
install.sh: done. Next:
  sudoedit $ENV_FILE                 # settings: symbols, Binance URL, ...
  sudo systemctl enable --now alpha12.target         # start all three, now and at boot
  systemctl status 'alpha12-*'
  journalctl -u alpha12-background-analysis -f
  cd $PREFIX && tail -f runs/background_analysis.csv
EOF
