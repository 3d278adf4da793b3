#!/usr/bin/env bash
# Installs Berth on this host (Debian 12, as root), idempotently:
#   host packages (apt), the JDK 25 check, the build (Maven Wrapper), launchers in /usr/local/bin,
#   berthd started in the background, and the local image busybox:latest.
# Options: --deps-only (packages and JDK check only), --no-start (do not start berthd).
set -euo pipefail
cd "$(dirname "$0")"

JAVA_HOME="${BERTH_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
PREFIX="${BERTH_PREFIX:-/usr/local}"
LIB="$PREFIX/lib/berth"
LOG=/var/log/berthd.log
PIDFILE=/run/berth/berthd.pid
SOCK=/run/berth/berth.sock
PACKAGES=(runc conmon busybox-static debootstrap iptables iproute2 ca-certificates util-linux procps tar bc
  xz-utils zstd netavark aardvark-dns tini golang-github-containers-common)

deps_only=0; start=1
for a in "$@"; do
  case "$a" in
    --deps-only) deps_only=1 ;;
    --no-start) start=0 ;;
    *) echo "install.sh: unknown option $a" >&2; exit 2 ;;
  esac
done

[ "$(id -u)" = 0 ] || { echo "install.sh: run as root" >&2; exit 1; }

if ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "25'; then
  echo "install.sh: Berth needs JDK 25 at $JAVA_HOME (Temurin 25; set BERTH_JAVA_HOME to use another)." >&2
  echo "install.sh: no JDK 25 is packaged by Debian 12; install Temurin 25 there first." >&2
  exit 1
fi

# Temurin's trust store is Debian's (a link to /etc/ssl/certs/java/cacerts): Maven needs it
[ -s "$JAVA_HOME/lib/security/cacerts" ] || PACKAGES+=(ca-certificates-java)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install.sh: installing ${missing[*]}"
  apt-get update -qq
  # ca-certificates-java builds its keystore with whatever java is on PATH: let it be ours
  PATH="$JAVA_HOME/bin:$PATH" DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if [ ! -s "$JAVA_HOME/lib/security/cacerts" ]; then
  PATH="$JAVA_HOME/bin:$PATH" update-ca-certificates --fresh >/dev/null
fi
[ "$deps_only" = 1 ] && exit 0

echo "install.sh: building"
JAVA_HOME="$JAVA_HOME" ./mvnw -B -DskipTests -Dstyle.color=never install >/tmp/berth-build.log 2>&1 || {
  tail -50 /tmp/berth-build.log >&2; echo "install.sh: build failed (log: /tmp/berth-build.log)" >&2; exit 1; }

new_lib=$(mktemp -d)
mkdir -p "$new_lib/daemon" "$new_lib/cli"
cp app/target/lib/*.jar app/target/berth-app-*.jar "$new_lib/daemon/"
cp cli/target/lib/*.jar cli/target/berth-cli-*.jar "$new_lib/cli/"
changed=1
if [ -d "$LIB/lib" ] && diff -rq "$new_lib" "$LIB/lib" >/dev/null 2>&1; then changed=0; fi
if [ "$changed" = 1 ]; then
  mkdir -p "$LIB"
  rm -rf "$LIB/lib.new"; mv "$new_lib" "$LIB/lib.new"; chmod -R a+rX "$LIB/lib.new"
  rm -rf "$LIB/lib"; mv "$LIB/lib.new" "$LIB/lib"
  rm -f "$LIB/berth.aot" "$LIB/berthd.aot"
else
  rm -rf "$new_lib"
fi
sed "s#@JAVA@#$JAVA_HOME/bin/java#g; s#@LIB@#$LIB#g" packaging/berthd.sh > "$PREFIX/bin/berthd"
sed "s#@JAVA@#$JAVA_HOME/bin/java#g; s#@LIB@#$LIB#g" packaging/berth.sh > "$PREFIX/bin/berth"
chmod 755 "$PREFIX/bin/berthd" "$PREFIX/bin/berth"
if [ -d /etc/systemd/system ]; then
  sed "s#@PREFIX@#$PREFIX#" packaging/berthd.service > /etc/systemd/system/berthd.service
fi

train_daemon() {
  # One training run of berthd on roots of its own records the classes a daemon loads into its
  # AOT cache: its first answer comes about twice as fast. Written when that daemon exits.
  local t sock pid
  t=$(mktemp -d /tmp/berthd-aot.XXXXXX); sock="$t/run/berth.sock"
  BERTHD_AOT_OUTPUT="$LIB/berthd.aot" "$PREFIX/bin/berthd" -H "unix://$sock" --data-root "$t/data" \
    --exec-root "$t/run" --pidfile "$t/berthd.pid" --log-level warn >"$t/log" 2>&1 &
  pid=$!
  for _ in $(seq 300); do [ -S "$sock" ] && break; sleep 0.1; done
  if [ -S "$sock" ]; then
    BERTH_HOST="unix://$sock" "$PREFIX/bin/berth" image bootstrap busybox >/dev/null 2>&1 || true
    for _ in 1 2 3 4 5; do
      BERTH_HOST="unix://$sock" "$PREFIX/bin/berth" run --rm busybox true >/dev/null 2>"$t/run.err" \
        || { echo "install.sh: warning: berthd's training run could not run a container: $(tail -1 "$t/run.err")" >&2; break; }
    done
    BERTH_HOST="unix://$sock" "$PREFIX/bin/berth" run -d --name aot busybox sh -c 'echo hi' >/dev/null 2>&1 || true
    BERTH_HOST="unix://$sock" "$PREFIX/bin/berth" logs aot >/dev/null 2>&1 || true
    BERTH_HOST="unix://$sock" "$PREFIX/bin/berth" ps -a >/dev/null 2>&1 || true
    BERTH_HOST="unix://$sock" "$PREFIX/bin/berth" rm -f aot >/dev/null 2>&1 || true
  fi
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  pkill -9 -f "conmon .*$t" 2>/dev/null || true
  grep "$t" /proc/mounts | awk '{print $2}' | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
  rm -rf "$t"
  [ -s "$LIB/berthd.aot" ] || rm -f "$LIB/berthd.aot"
}
[ -f "$LIB/berthd.aot" ] || train_daemon

[ "$start" = 1 ] || exit 0

running() { [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; }
if running && [ "$changed" = 1 ]; then
  echo "install.sh: restarting berthd (containers keep running)"
  kill "$(cat "$PIDFILE")"; for _ in $(seq 100); do running || break; sleep 0.1; done
fi
if ! running; then
  mkdir -p /run/berth
  if [ -d /run/systemd/system ]; then
    systemctl daemon-reload && systemctl start berthd
  else
    nohup "$PREFIX/bin/berthd" >>"$LOG" 2>&1 </dev/null &
  fi
  for _ in $(seq 300); do [ -S "$SOCK" ] && "$PREFIX/bin/berth" version >/dev/null 2>&1 && break; sleep 0.1; done
  [ -S "$SOCK" ] || { tail -20 "$LOG" >&2; echo "install.sh: berthd did not start (log: $LOG)" >&2; exit 1; }
  echo "install.sh: berthd running (pid $(cat $PIDFILE), socket $SOCK, log $LOG)"
fi
if ! "$PREFIX/bin/berth" image inspect busybox:latest >/dev/null 2>&1; then
  "$PREFIX/bin/berth" image bootstrap busybox
fi
if [ ! -f "$LIB/berth.aot" ]; then
  # One training run records the CLI's classes in an AOT cache (JEP 483/514): startup ~2x faster.
  # The JVM records a single run, so BERTH_AOT_TRAINING makes this one walk the everyday commands
  # (version, ps, images, run, create/start/logs/inspect/rm) against the daemon just started.
  # Flags and class path are the launcher's (packaging/berth.sh): a cache made with others may be refused.
  BERTH_AOT_TRAINING=1 BERTH_HOST="unix://$SOCK" "$JAVA_HOME/bin/java" -XX:AOTCacheOutput="$LIB/berth.aot" \
    -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xlog:disable -Xlog:all=off \
    -cp "$LIB/lib/cli/*" io.berth.cli.Main >/dev/null 2>&1 \
    || rm -f "$LIB/berth.aot"
fi
echo "install.sh: done"
