#!/usr/bin/env bash
# Removes what ops/install.sh installed (see docs/deployment.md): stops and disables the daemons, removes
# their units and /opt/alpha12. Keeps the results (/var/lib/alpha12/runs), the logs, the settings
# (/etc/alpha12/alpha12.env) and the alpha12 user unless --purge is given.
# Honours DESTDIR like install.sh (then it skips systemctl and the user).
set -euo pipefail

readonly DAEMONS=(background-analysis autosignal tracker)
readonly SERVICE_USER=alpha12
readonly PREFIX=/opt/alpha12
readonly STATE_DIR=/var/lib/alpha12
readonly LOG_DIR=/var/log/alpha12
readonly CONF_DIR=/etc/alpha12
readonly UNIT_DIR=/etc/systemd/system

destdir=${DESTDIR:-}
purge=false

die() {
  echo "uninstall.sh: $*" >&2
  exit 1
}

say() {
  echo "uninstall.sh: $*"
}

while [ $# -gt 0 ]; do
  case $1 in
    --purge) purge=true; shift ;;
    -h|--help)
      echo "Usage: sudo ops/uninstall.sh [--purge]"
      echo "Removes the alpha12 units and $PREFIX; --purge also removes $STATE_DIR (runs/ results),"
      echo "$LOG_DIR, $CONF_DIR (settings) and the $SERVICE_USER user."
      exit 0 ;;
    *) die "unknown argument '$1'; accepted: --purge, --help" ;;
  esac
done

if [ -z "$destdir" ] && [ "$(id -u)" -ne 0 ]; then
  die "run as root (sudo ops/uninstall.sh), or set DESTDIR to act on a staged folder"
fi

units=(alpha12.target)
for d in "${DAEMONS[@]}"; do
  units+=("alpha12-$d.service")
done

systemd_running=false
if [ -z "$destdir" ] && command -v systemctl >/dev/null && [ -d /run/systemd/system ]; then
  systemd_running=true
fi

if $systemd_running; then
  for u in "${units[@]}"; do
    if [ -e "$UNIT_DIR/$u" ]; then
      systemctl disable --now "$u" || say "warning: could not stop and disable $u"
    fi
  done
elif [ -n "$destdir" ]; then
  say "DESTDIR=$destdir: acting on staged files only; skipping systemctl and the user"
fi

for u in "${units[@]}"; do
  if [ -e "$destdir$UNIT_DIR/$u" ]; then
    rm -f "$destdir$UNIT_DIR/$u"
    say "removed $UNIT_DIR/$u"
  fi
done
if $systemd_running; then
  systemctl daemon-reload
fi

# Only what install.sh put there: anything else found in /opt/alpha12 is left and reported.
for d in "${DAEMONS[@]}"; do
  rm -f "$destdir$PREFIX/lib/alpha12-$d.jar"
done
rm -f "$destdir$PREFIX/alpha12.env.example"
if [ -L "$destdir$PREFIX/runs" ]; then
  rm -f "$destdir$PREFIX/runs"
fi
for folder in "$destdir$PREFIX/lib" "$destdir$PREFIX"; do
  if [ -d "$folder" ]; then
    rmdir "$folder" 2>/dev/null || say "kept $folder: it holds files install.sh did not put there"
  fi
done
say "removed the program from $PREFIX"

if $purge; then
  rm -rf "$destdir$STATE_DIR" "$destdir$LOG_DIR" "$destdir$CONF_DIR"
  say "purged $STATE_DIR (runs/ results), $LOG_DIR and $CONF_DIR"
  if [ -z "$destdir" ] && getent passwd "$SERVICE_USER" >/dev/null; then
    userdel "$SERVICE_USER"
    say "removed user $SERVICE_USER"
  fi
else
  say "kept $STATE_DIR/runs (results), $LOG_DIR, $CONF_DIR/alpha12.env and the user $SERVICE_USER;"
  say "'sudo ops/uninstall.sh --purge' removes them too"
fi
