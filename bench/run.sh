#!/usr/bin/env bash
# Container start latency, in one sitting, on a berthd of its own (own data root, exec root and
# socket, so an installed berthd is not disturbed). Needs ./install.sh to have run (it installs
# the berth launcher, its AOT cache and runc). Prints medians of N runs (default 21) in ms.
#   bench/run.sh [N]
set -euo pipefail
N="${1:-21}"
WARMUP="${WARMUP:-5}"
DAEMON_WARMUP="${DAEMON_WARMUP:-80}"
[ "$N" -ge 15 ] || { echo "run at least 15 iterations" >&2; exit 2; }
BASE=/tmp/berth-bench
RUN=/run/berth-bench
SOCK="$RUN/berth.sock"
HOST="unix://$SOCK"
BERTH=${BERTH:-/usr/local/bin/berth}
BERTHD=${BERTHD:-/usr/local/bin/berthd}
DOCKER=${DOCKER:-/usr/local/bin/docker}
for t in "$BERTH" "$BERTHD" "$DOCKER" runc; do command -v "$t" >/dev/null || { echo "missing $t" >&2; exit 1; }; done

cleanup() {
  [ -n "${DPID:-}" ] && kill "$DPID" 2>/dev/null && wait "$DPID" 2>/dev/null || true
  for m in $(awk -v b="$BASE" '$5 ~ "^"b {print $5}' /proc/self/mountinfo | sort -r); do umount -l "$m" || true; done
  rm -rf "$BASE" "$RUN"
}
trap cleanup EXIT
cleanup
mkdir -p "$BASE" "$RUN"
"$BERTHD" -H "$HOST" --data-root "$BASE/data" --exec-root "$RUN" --log-level warn >"$BASE/berthd.log" 2>&1 &
DPID=$!
for _ in $(seq 300); do [ -S "$SOCK" ] && "$BERTH" -H "$HOST" version >/dev/null 2>&1 && break; sleep 0.1; done
"$BERTH" -H "$HOST" image bootstrap busybox >/dev/null

# the same rootfs for bare runc: busybox's one layer, read-only
layer=$("$DOCKER" -H "$HOST" image inspect -f '{{index .RootFS.Layers 0}}' busybox | sed 's/^sha256://')
mkdir -p "$BASE/bundle"
(cd "$BASE/bundle" && runc spec)
sed -i "s#\"path\": \"rootfs\"#\"path\": \"$BASE/data/image/layers/$layer/diff\"#; s#\"terminal\": true#\"terminal\": false#; s#\"sh\"#\"true\"#" "$BASE/bundle/config.json"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
measure() { # label, command...
  local label=$1; shift
  for _ in $(seq "$WARMUP"); do "$@" >/dev/null 2>&1 || true; done
  local times=()
  for _ in $(seq "$N"); do
    local s e
    s=$(date +%s%N); "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }; e=$(date +%s%N)
    times+=($(( (e - s) / 1000 )))
  done
  local m; m=$(printf '%s\n' "${times[@]}" | median)
  printf '%-48s %8.1f ms\n' "$label" "$(echo "$m / 1000" | bc -l)"
  echo "$m" > "$BASE/$label.median"
}
i=0
bare() { i=$((i+1)); runc --root "$BASE/runc" run -b "$BASE/bundle" "bench$i$$"; }
# what any engine that supervises the container from outside pays: create, start, delete apart
split() {
  i=$((i+1)); local id="split$i$$"
  runc --root "$BASE/runc" create -b "$BASE/bundle" "$id" </dev/null >/dev/null 2>&1 &&
    runc --root "$BASE/runc" start "$id" && runc --root "$BASE/runc" delete --force "$id"
}

# a long-running daemon has compiled its hot paths: give this fresh one the same chance
for _ in $(seq "$DAEMON_WARMUP"); do "$DOCKER" -H "$HOST" run --rm --network none busybox true >/dev/null; done
echo "medians of $N runs after $DAEMON_WARMUP daemon warm-up runs and $WARMUP per command ($(date -u +%FT%TZ), $(nproc) cores)"
measure "runc run (bare, same rootfs)" bare
measure "runc create + start + delete (same rootfs)" split
measure "docker run --rm --network none busybox true" "$DOCKER" -H "$HOST" run --rm --network none busybox true
measure "berth run --rm --network none busybox true" "$BERTH" -H "$HOST" run --rm --network none busybox true
measure "berth ps" "$BERTH" -H "$HOST" ps
r=$(cat "$BASE/runc run (bare, same rootfs).median")
d=$(cat "$BASE/docker run --rm --network none busybox true.median")
b=$(cat "$BASE/berth run --rm --network none busybox true.median")
printf 'docker CLI -> berthd vs bare runc: %.2fx (goal <= 2.5x)\n' "$(echo "$d / $r" | bc -l)"
printf 'berth CLI  -> berthd vs bare runc: %.2fx\n' "$(echo "$b / $r" | bc -l)"
f=$(cat "$BASE/runc create + start + delete (same rootfs).median")
printf 'docker CLI -> berthd vs runc create+start+delete: %.2fx\n' "$(echo "$d / $f" | bc -l)"
