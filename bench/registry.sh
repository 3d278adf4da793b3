#!/usr/bin/env bash
# Pull and push of debian:bookworm against Debian's registry (distribution 2.8) on loopback:
# Berth against Debian's Docker 20.10 in one sitting, the docker CLI as client of both. Prints
# medians per row and the ratio Docker/Berth (above 1: Berth is faster).
#
#   bench/registry.sh [N]        N timed runs per row (default 5)
#
# Rows: pull of an absent image; re-pull of a present one; push to a registry that holds none of
# its layers (a fresh registry per run); save of the pulled image; load of it when absent. The image is debootstrapped once by berthd (`berth image
# bootstrap debian:bookworm`, minutes, needs Debian's package mirror), pushed to the registry, and
# kept as an OCI layout in /var/cache/berth-bench/debian-bookworm for later runs.
# berthd: /usr/local/bin/berthd (install.sh); dockerd: Debian's docker.io, installed when missing.
# Both on roots of their own, stopped with everything they started on exit.
set -euo pipefail
export LC_ALL=C
unset DOCKER_HOST DOCKER_CONTEXT
N=${1:-${N:-5}}
DOCKER=${DOCKER:-/usr/local/bin/docker}
DOCKERD=${DOCKERD:-/usr/sbin/dockerd}
BERTHD=${BERTHD:-/usr/local/bin/berthd}
W=/tmp/berth-bench-registry
CACHE=/var/cache/berth-bench/debian-bookworm
BSOCK=/run/berth-bench-reg/berth.sock; DSOCK=/run/berth-bench-reg-docker/docker.sock
IMG=bench/debian:bookworm
[ "$(id -u)" = 0 ] || { echo "registry.sh: run as root" >&2; exit 1; }
for t in docker-registry skopeo "$DOCKER" "$BERTHD"; do
  command -v "$t" >/dev/null || { echo "registry.sh: missing $t (run test.sh or install.sh first)" >&2; exit 1; }
done
if ! [ -x "$DOCKERD" ]; then
  policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then policy=/usr/sbin/policy-rc.d; printf '#!/bin/sh\nexit 101\n' >"$policy"; chmod 755 "$policy"; fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io >/dev/null
  [ -n "$policy" ] && rm -f "$policy"
fi

PIDS=()
cleanup() {
  set +e
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null; done
  for m in $(awk '$5 ~ /berth-bench-reg/ {print $5}' /proc/self/mountinfo | sort -r); do umount -l "$m"; done
  rm -rf "$W"
}
trap cleanup EXIT INT TERM
rm -rf "$W"; mkdir -p "$W"

ms() { echo $(( (${EPOCHREALTIME/./} - $1) / 1000 )); }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
wait_sock() { for _ in $(seq 600); do curl -sf -o /dev/null --unix-socket "$1" http://d/_ping && return 0; sleep 0.05; done; return 1; }
PORT=5090
registry() { # dir -> starts a registry on a new port; sets REG (host:port)
  PORT=$((PORT + 1)); mkdir -p "$1"
  printf 'version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: %s\nhttp:\n  addr: 127.0.0.1:%d\n' "$1/data" "$PORT" >"$1/config.yml"
  docker-registry serve "$1/config.yml" >"$1/log" 2>&1 & PIDS+=($!); REGPID=$!
  for _ in $(seq 200); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/v2/" && break; sleep 0.05; done
  REG=127.0.0.1:$PORT
}

"$BERTHD" -H "unix://$BSOCK" --data-root "$W/berth" --exec-root /run/berth-bench-reg --log-level warn >"$W/berthd.log" 2>&1 9>&- &
PIDS+=($!)
mkdir -p "$W/docker"; echo '{}' >"$W/docker/daemon.json"
"$DOCKERD" --config-file "$W/docker/daemon.json" --data-root "$W/docker/data" --exec-root /run/berth-bench-reg-docker \
  -H "unix://$DSOCK" --pidfile /run/berth-bench-reg-docker/dockerd.pid --iptables=false --ip6tables=false \
  --bridge=none --ip-forward=false --ip-masq=false --userland-proxy=false --log-level warn >"$W/dockerd.log" 2>&1 9>&- &
PIDS+=($!)
wait_sock "$BSOCK" && wait_sock "$DSOCK" || { echo "registry.sh: a daemon did not start" >&2; tail "$W"/*.log; exit 1; }
B() { "$DOCKER" -H "unix://$BSOCK" "$@"; }
D() { "$DOCKER" -H "unix://$DSOCK" "$@"; }

registry "$W/reg"; SRC=$REG
if [ ! -f "$CACHE/index.json" ]; then
  echo "registry.sh: debootstrapping debian:bookworm once (cached in $CACHE)"
  curl -sf -X POST --unix-socket "$BSOCK" "http://d/images/bootstrap?name=debian:bookworm" >"$W/bootstrap.log"
  B tag debian:bookworm "$SRC/$IMG" && B push -q "$SRC/$IMG" >/dev/null
  mkdir -p "$(dirname "$CACHE")"
  skopeo copy --quiet --src-tls-verify=false "docker://$SRC/$IMG" "oci:$CACHE:bookworm"
  B rmi "$SRC/$IMG" debian:bookworm >/dev/null
else
  skopeo copy --quiet --dest-tls-verify=false "oci:$CACHE:bookworm" "docker://$SRC/$IMG"
fi

# Each timed step starts with nothing dirty in the page cache: the writeback of the step before
# (a 122 MB save, the other engine's layers) would otherwise land on whoever syncs next.
settle() { sync; }
# This machine's disk slows down as layers are written and removed again (3.2 s for the first
# `zcat | tar` of the layer, 5 s by the fourth): the sides take turns, run by run, so that both
# meet the same disk, and GNU tar unpacking the same layer is timed in each round as the floor.
LAYER=$(python3 -c "import json,sys; d=sys.argv[1]; i=json.load(open(d+'/index.json'))['manifests'][0]['digest'][7:]; print(d+'/blobs/sha256/'+json.load(open(d+'/blobs/sha256/'+i))['layers'][0]['digest'][7:])" "$CACHE")
declare -A R
declare -A T
for i in $(seq "$N"); do
  for side in berth docker; do
    C=B; [ "$side" = docker ] && C=D
    $C rmi -f "$SRC/$IMG" >/dev/null 2>&1 || true
    settle; t=${EPOCHREALTIME/./}; $C pull -q "$SRC/$IMG" >/dev/null; T[$side.pull]+=" $(ms "$t")"
    t=${EPOCHREALTIME/./}; $C pull -q "$SRC/$IMG" >/dev/null; T[$side.repull]+=" $(ms "$t")"
    registry "$W/push-$side-$i"
    $C tag "$SRC/$IMG" "$REG/$IMG"
    settle; t=${EPOCHREALTIME/./}; $C push -q "$REG/$IMG" >/dev/null; T[$side.push]+=" $(ms "$t")"
    $C rmi "$REG/$IMG" >/dev/null
    kill "$REGPID"; wait "$REGPID" 2>/dev/null || true; rm -rf "$W/push-$side-$i"
    settle; t=${EPOCHREALTIME/./}; $C save -o "$W/saved.tar" "$SRC/$IMG"; T[$side.save]+=" $(ms "$t")"
    $C rmi "$SRC/$IMG" >/dev/null
    settle; t=${EPOCHREALTIME/./}; $C load -q -i "$W/saved.tar" >/dev/null; T[$side.load]+=" $(ms "$t")"
    rm -f "$W/saved.tar"
  done
  rm -rf "$W/tar"; mkdir -p "$W/tar"
  settle; t=${EPOCHREALTIME/./}; zcat "$LAYER" | tar -C "$W/tar" -xf -; sync -f "$W/tar"; T[tar]+=" $(ms "$t")"
  rm -rf "$W/tar"
done
for side in berth docker; do
  for row in pull repull push save load; do
    # shellcheck disable=SC2086
    R[$side.$row]=$(median ${T[$side.$row]})
  done
  echo "$side: pull${T[$side.pull]} | re-pull${T[$side.repull]} | push${T[$side.push]} | save${T[$side.save]} | load${T[$side.load]} (ms)"
done
# shellcheck disable=SC2086
echo "zcat | tar of the layer, then sync -f (the file system's floor for pull and load):${T[tar]} ms, median $(median ${T[tar]})"
size=$(B image inspect -f '{{.Size}}' "$SRC/$IMG")
printf '\ndebian:bookworm (%s MB unpacked), %s runs, medians in ms\n' "$((size / 1000000))" "$N"
printf '%-34s %10s %10s %8s\n' row berth docker ratio
for row in pull repull push save load; do
  b=${R[berth.$row]}; d=${R[docker.$row]}
  printf '%-34s %10s %10s %8s\n' "$row" "$b" "$d" "$(awk -v d="$d" -v b="$b" 'BEGIN {printf "%.1f", (b > 0 ? d / b : 0)}')"
done
