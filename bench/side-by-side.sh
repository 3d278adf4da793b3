#!/usr/bin/env bash
# Berth against Debian's Docker 20.10 (docker.io: dockerd, containerd, runc), in one sitting, with
# the same client (the docker CLI) against both daemons, so that what is compared is the daemons.
# Prints one table: medians per row, and the ratio Docker/Berth (above 1: Berth is faster or
# smaller; every row is lower-is-better).
#
#   bench/side-by-side.sh [--n N] [--batch-reps R] [--starts S] [--warmup W] [--after-runs [K]]
#
#   --n N            timed runs per row (default 7), after WARMUP (default 2) untimed ones
#   --batch-reps R   repetitions of the 50-container rows (default 1)
#   --starts S       daemon starts timed to the first answered /_ping (default 3)
#   --warmup W       `run --rm` calls each daemon gets before anything is measured (default 30)
#   --after-runs [K] also: berthd's RSS after K more `run --rm` (default K 1000), idle and with
#                    50 running containers (the project's goals: < 64 MiB and < 80 MiB)
#   --hold-build-lock  hold /tmp/berth-build.lock for the whole run, so that no build or test that
#                    takes it (see the README) competes for the CPU while this measures
#   --network        the networking rows instead: `run --rm` with no network and on the default
#                    bridge (the bridge's cost is the difference), and 50 sequential
#                    `run -d -p PORT:80` with distinct ports. Both daemons then get a bridge and
#                    their firewall rules (dockerd with its defaults: docker0, 172.17.0.0/16,
#                    iptables, userland proxy; berthd on berthbench0, 10.67.250.0/24); the host's
#                    iptables rules, ip_forward and links are put back as they were at the end.
#   --exec           the exec rows instead: `exec c true` on a running busybox on each daemon, and
#                    the floor, bare `runc exec` of Berth's container; the cost over the floor too.
#   --attach         the output latency rows instead: a busybox that writes the time (adjtimex's
#                    clock reading, to the microsecond) ten times a second, followed by
#                    `logs -f` and by `attach`; each row is the median, over SAMPLES lines
#                    (default 100), of the time from the reading to the client printing it
#                    (one clock: the container shares the host's CLOCK_REALTIME).
#   --limits         the limits rows instead: `run --rm` without and with `--memory 64m --cpus 1
#                    --pids-limit 100`; the limits' cost is the difference.
#   --volume         the volume rows instead: `run --rm` without and with `-v benchvol:/data`
#                    (a named volume made beforehand on each daemon); the volume's cost is the
#                    difference.
# Environment: N, WARMUP, BATCH_REPS, STARTS, DAEMON_WARMUP, AFTER_RUNS as the flags; TRACE=1
# prints every command's time; BERTHD, DOCKERD, DOCKER (the client), JAVA_HOME.
#
# berthd: $BERTHD if set, else this checkout's build output (app/target, copied under the build
# lock so that a concurrent build cannot change it mid-run; needs a prior `./mvnw install`) with
# packaging/berthd.sh as launcher and, when that takes one, an AOT cache from a training run as
# install.sh makes it, else /usr/local/bin/berthd. Docker: dockerd from docker.io, installed with
# apt if missing (services are not started: a policy-rc.d says no while apt runs). Both daemons
# run on roots of their own:
#   berthd   data /tmp/berth-bench-vs/data, exec root and socket /run/berth-bench-vs
#   dockerd  data /tmp/berth-bench-docker/data, exec root and socket /run/berth-bench-docker, its
#            own containerd (managed by dockerd under the exec root), --config-file of its own,
#            --iptables=false --ip6tables=false --bridge=none --ip-forward=false: no host
#            networking is touched; containers go under the cgroup parent berth-bench-docker.
# Everything started is stopped and unmounted on exit, also on failure or Ctrl-C.
# Docker gets Berth's busybox: the one layer of Berth's bootstrapped busybox:latest, tarred from
# Berth's data root and `docker import`ed with the same Cmd and Env.
set -euo pipefail
export LC_ALL=C
unset DOCKER_HOST DOCKER_CONTEXT
SELF=$(readlink -f "$0")
cd "$(dirname "$SELF")/.."
START_ALL=${EPOCHREALTIME/./}
phase() { echo "[$(((${EPOCHREALTIME/./} - START_ALL) / 1000000)) s] $*"; }

N=${N:-7}; WARMUP=${WARMUP:-2}; BATCH_REPS=${BATCH_REPS:-1}; STARTS=${STARTS:-3}
DAEMON_WARMUP=${DAEMON_WARMUP:-30}; AFTER_RUNS=${AFTER_RUNS:-0}; HOLD_LOCK=0; NET=0; VOL=0; EXEC=0; ATTACH=0; LIMITS=0
SAMPLES_N=${SAMPLES_N:-100}
LOCK=/tmp/berth-build.lock
while [ $# -gt 0 ]; do
  case "$1" in
    --n) N=$2; shift 2 ;;
    --batch-reps) BATCH_REPS=$2; shift 2 ;;
    --starts) STARTS=$2; shift 2 ;;
    --warmup) DAEMON_WARMUP=$2; shift 2 ;;
    --after-runs)
      if [[ "${2:-}" =~ ^[0-9]+$ ]]; then AFTER_RUNS=$2; shift 2; else AFTER_RUNS=1000; shift; fi ;;
    --hold-build-lock) HOLD_LOCK=1; shift ;;
    --network) NET=1; shift ;;
    --volume) VOL=1; shift ;;
    --exec) EXEC=1; shift ;;
    --attach) ATTACH=1; shift ;;
    --limits) LIMITS=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$SELF" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "side-by-side.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
for v in N BATCH_REPS STARTS; do
  [[ "${!v}" =~ ^[1-9][0-9]*$ ]] || { echo "side-by-side.sh: $v must be a positive number" >&2; exit 2; }
done
[ "$(id -u)" = 0 ] || { echo "side-by-side.sh: run as root" >&2; exit 1; }

JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
DOCKER=${DOCKER:-/usr/local/bin/docker}
DOCKERD=${DOCKERD:-/usr/sbin/dockerd}
BB=/tmp/berth-bench-vs; BR=/run/berth-bench-vs; BSOCK=$BR/berth.sock
DB=/tmp/berth-bench-docker; DR=/run/berth-bench-docker; DSOCK=$DR/docker.sock
CGPARENT=berth-bench-docker
LOGS=/tmp/berth-bench-vs-logs # the daemons' logs, kept after the run
declare -A HOSTS=([berth]="unix://$BSOCK" [docker]="unix://$DSOCK")
BATCH=50

# --- Docker 20.10 from Debian, installed when missing (services never started by apt) ---------
if ! [ -x "$DOCKERD" ] || ! command -v containerd >/dev/null || ! command -v containerd-shim-runc-v2 >/dev/null; then
  echo "side-by-side.sh: installing docker.io (dockerd, containerd) with apt"
  policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    policy=/usr/sbin/policy-rc.d; printf '#!/bin/sh\nexit 101\n' >"$policy"; chmod 755 "$policy"
  fi
  rc=0
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io >/dev/null; } || rc=$?
  [ -n "$policy" ] && rm -f "$policy"
  [ "$rc" = 0 ] || { echo "side-by-side.sh: apt-get install docker.io failed" >&2; exit 1; }
fi
for t in "$DOCKER" "$DOCKERD" containerd containerd-shim-runc-v2 runc conmon curl flock python3; do
  command -v "$t" >/dev/null || { echo "side-by-side.sh: missing $t" >&2; exit 1; }
done

# --- processes and mounts --------------------------------------------------------------------
# pids of processes named $1 (argv[0]'s last part) whose command line mentions $2
procs() {
  local p a
  for p in /proc/[0-9]*; do
    mapfile -d '' a 2>/dev/null <"$p/cmdline" || continue
    [ "${#a[@]}" -gt 0 ] && [ "${a[0]##*/}" = "$1" ] || continue
    case " ${a[*]} " in *"$2"*) echo "${p#/proc/}" ;; esac
  done
}
# what this bench starts, found by the roots on its command line (nothing else has them)
bench_procs() {
  local n r
  for n in java dockerd containerd containerd-shim-runc-v2 conmon runc; do
    for r in "$BB" "$BR" "$DB" "$DR"; do procs "$n" "$r"; done
  done | sort -u
}
alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }
stop_pid() { # pid, seconds before SIGKILL
  alive "$1" || return 0
  kill -TERM "$1" 2>/dev/null || true
  local i
  for ((i = 0; i < $2 * 20; i++)); do alive "$1" || break; sleep 0.05; done
  alive "$1" && kill -KILL "$1" 2>/dev/null
  wait "$1" 2>/dev/null || true
}
unmount_under() {
  local root m
  for root in "$@"; do
    # mount points are field 5 of mountinfo; deepest first
    for m in $(awk -v r="$root" 'index($5, r) == 1 {print $5}' /proc/self/mountinfo | sort -r); do
      umount -l "$m" 2>/dev/null || true
    done
  done
}
cleanup() {
  set +e
  trap - EXIT INT TERM
  if alive "${BPID:-}"; then
    ids=$(timeout 30 "$DOCKER" -H "${HOSTS[berth]}" ps -aq 2>/dev/null)
    [ -n "$ids" ] && timeout 60 "$DOCKER" -H "${HOSTS[berth]}" rm -f $ids >/dev/null 2>&1
  fi
  if alive "${DPID:-}"; then
    ids=$(timeout 30 "$DOCKER" -H "${HOSTS[docker]}" ps -aq 2>/dev/null)
    [ -n "$ids" ] && timeout 60 "$DOCKER" -H "${HOSTS[docker]}" rm -f $ids >/dev/null 2>&1
  fi
  stop_pid "${BPID:-}" 15
  stop_pid "${DPID:-}" 30 # dockerd stops the containerd it started
  # whatever is left (a run killed before it could clean up): containers first, then monitors
  local r id p
  for r in "$BR/runc" "$DR/runtime-runc/moby"; do
    [ -d "$r" ] || continue
    for id in $(runc --root "$r" list -q 2>/dev/null); do runc --root "$r" delete -f "$id" >/dev/null 2>&1; done
  done
  for p in $(bench_procs); do kill -KILL "$p" 2>/dev/null; done
  sleep 0.2
  unmount_under "$BB" "$BR" "$DB" "$DR"
  if [ -d "$BB" ] || [ -d "$DB" ]; then
    mkdir -p "$LOGS"; cp "$BB/berthd.log" "$DB/dockerd.log" "$LOGS/" 2>/dev/null
  fi
  rm -rf "$BB" "$BR" "$DB" "$DR"
  if [ -n "${FW_SAVED:-}" ] && [ -s "$FW_SAVED" ]; then
    # the bridges and every rule either daemon made go; the host's own come back as they were
    ip link del docker0 2>/dev/null; ip link del berthbench0 2>/dev/null
    iptables-restore <"$FW_SAVED"; echo "$FW_FORWARD" >/proc/sys/net/ipv4/ip_forward
    rm -f "$FW_SAVED"
  fi
  rmdir /sys/fs/cgroup/*/"$CGPARENT" 2>/dev/null
  [ -d /run/containerd/s ] && rmdir /run/containerd/s /run/containerd 2>/dev/null
  return 0
}
if [ "$HOLD_LOCK" = 1 ]; then
  echo "side-by-side.sh: waiting for $LOCK"
  exec 9>>"$LOCK"
  flock -w 1800 9 || { echo "side-by-side.sh: $LOCK still held after 30 min" >&2; exit 1; }
fi
cleanup
if [ "$NET" = 1 ]; then
  BERTH_NET=(--bridge berthbench0 --bip 10.67.250.1/24)
  DOCKER_NET=()
  FW_SAVED=$(mktemp /tmp/berth-bench-iptables.XXXXXX)
  iptables-save >"$FW_SAVED"
  FW_FORWARD=$(cat /proc/sys/net/ipv4/ip_forward)
else
  BERTH_NET=(--bridge none)
  DOCKER_NET=(--iptables=false --ip6tables=false --bridge=none --ip-forward=false --ip-masq=false --userland-proxy=false)
fi
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir -p "$BB" "$BR" "$DB" "$DR"
OUT=$BB/out; ERR=$BB/err

# --- berthd: this checkout's build, copied under the build lock ------------------------------
if [ -n "${BERTHD:-}" ]; then
  BERTHD_BIN=$BERTHD
elif compgen -G 'app/target/berth-app-*.jar' >/dev/null && [ -d app/target/lib ]; then
  mkdir -p "$BB/lib/daemon"
  if [ "$HOLD_LOCK" = 1 ]; then
    cp app/target/lib/*.jar app/target/berth-app-*.jar "$BB/lib/daemon/"
  else
    flock -n "$LOCK" true || echo "side-by-side.sh: waiting for $LOCK (a build is running) to copy app/target"
    flock -w 900 "$LOCK" cp app/target/lib/*.jar app/target/berth-app-*.jar "$BB/lib/daemon/"
  fi
  sed "s#@JAVA@#$JAVA_HOME/bin/java#g; s#@LIB@#$BB#g" packaging/berthd.sh >"$BB/berthd"
  chmod 755 "$BB/berthd"
  BERTHD_BIN=$BB/berthd
  # as install.sh does: the first berthd (which bootstraps the image) is the AOT training run
  grep -q BERTHD_AOT_OUTPUT packaging/berthd.sh && TRAIN_AOT=$BB/berthd.aot
elif [ -x /usr/local/bin/berthd ]; then
  BERTHD_BIN=/usr/local/bin/berthd
else
  echo "side-by-side.sh: no berthd: build first (./mvnw -B install -DskipTests) or set BERTHD" >&2; exit 1
fi
printf '{"deprecated-key-path": "%s/key.json"}\n' "$DB" >"$DB/daemon.json" # else /etc/docker/key.json

# --- measuring ---------------------------------------------------------------------------------
FAILURES=()
# q CMD...: runs CMD (stdout in $OUT, stderr in $ERR), its time in Q_US (microseconds)
q() {
  local rc=0 t0 t1
  t0=${EPOCHREALTIME/./}
  "$@" >"$OUT" 2>"$ERR" || rc=$?
  t1=${EPOCHREALTIME/./}
  Q_US=$((t1 - t0))
  if [ -n "${TRACE:-}" ]; then local c="$*"; echo "  $((Q_US / 1000)) ms: ${c:0:150}" >&2; fi
  if [ "$rc" != 0 ]; then
    local msg
    if [ "$1" = dk ]; then msg="exit $rc: docker -H ${HOSTS[$2]} ${*:3}"; else msg="exit $rc: $*"; fi
    [ "${#msg}" -gt 300 ] && msg="${msg:0:300}..."
    msg+=$'\n'"$(tail -c 2000 "$ERR")"
    FAILURES+=("$msg")
    echo "  failed, $msg" >&2
  fi
  return "$rc"
}
dk() { local s=$1; shift; "$DOCKER" -H "${HOSTS[$s]}" "$@"; }
median() { sort -n | awk '{a[NR] = $1} END {if (NR) print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

declare -A RES NOTE
ROWS=()
addrow() { local r; for r in "${ROWS[@]}"; do [ "$r" = "$1" ] && return 0; done; ROWS+=("$1"); }
put_ms() { # row side (samples in $SAMPLES, microseconds)
  addrow "$1"
  RES["$1|$2"]=$(printf '%s\n' "${SAMPLES[@]}" | median | awk '{printf "%.1f ms", $1 / 1000}')
}
put_s() { # row side: seconds
  addrow "$1"
  RES["$1|$2"]=$(printf '%s\n' "${SAMPLES[@]}" | median | awk '{printf "%.2f s", $1 / 1000000}')
}
put_kib() { addrow "$1"; RES["$1|$2"]=$(awk -v k="$3" 'BEGIN {printf "%.1f MiB", k / 1024}'); }
put_fail() { addrow "$1"; RES["$1|$2"]="failed"; }

# rep ROW SIDE FN: WARMUP + N calls of FN SIDE; FN sets Q_US to the part it times
rep() {
  local row=$1 s=$2 fn=$3 i
  SAMPLES=()
  for ((i = 1; i <= WARMUP + N; i++)); do
    "$fn" "$s" || { put_fail "$row" "$s"; return 0; }
    if ((i > WARMUP)); then SAMPLES+=("$Q_US"); fi
  done
  put_ms "$row" "$s"
}
one_run() { q dk "$1" run --rm --network none busybox true; }
one_create() {
  q dk "$1" create --network none busybox true || return 1
  local t=$Q_US id; id=$(<"$OUT")
  q dk "$1" rm -f "$id" || return 1
  Q_US=$t
}
one_start() {
  q dk "$1" create --network none busybox true || return 1
  local id; id=$(<"$OUT")
  q dk "$1" start -a "$id" || return 1
  local t=$Q_US
  q dk "$1" rm -f "$id" || return 1
  Q_US=$t
}
one_ps() { q dk "$1" ps -a; }
one_logs() { q dk "$1" logs "$LOGS_ID"; }

kib() { awk -v f="$2" '$1 == f":" {print $2; exit}' "$1" 2>/dev/null || true; } # file field
rss() { kib "/proc/$1/status" VmRSS; }
pss() { kib "/proc/$1/smaps_rollup" Pss; }
sum_rss() { local p t=0 v; for p in "$@"; do v=$(rss "$p"); t=$((t + ${v:-0})); done; echo "$t"; }
containerd_pid() { procs containerd "$DR/containerd/containerd.toml" | head -1; }
daemon_rss() { # side: KiB (Docker: dockerd + containerd)
  if [ "$1" = berth ]; then sum_rss "$BPID"; else sum_rss "$DPID" "$(containerd_pid)"; fi
}
monitors() { if [ "$1" = berth ]; then procs conmon "$BR/"; else procs containerd-shim-runc-v2 "$DR/"; fi; }
avg_monitor() { # side, rss|pss: MON_KIB, the mean KiB over the MON_COUNT monitors now running
  local p n=0 t=0 v
  for p in $(monitors "$1"); do
    v=$("$2" "$p")
    if [ -n "$v" ]; then t=$((t + v)); n=$((n + 1)); fi
  done
  MON_COUNT=$n
  MON_KIB=0
  if [ "$n" -gt 0 ]; then MON_KIB=$((t / n)); fi
}
ping() { curl -sf -o /dev/null --max-time 5 --unix-socket "$1" http://d/_ping; }
wait_ping() { # socket pid: until the first answered /_ping
  local i
  for ((i = 0; i < 6000; i++)); do
    alive "$2" || return 1
    ping "$1" && return 0
    sleep 0.01
  done
  return 1
}
start_berthd() {
  local t0=${EPOCHREALTIME/./}
  BERTHD_AOT_OUTPUT=${AOT_OUT:-} "$BERTHD_BIN" -H "${HOSTS[berth]}" --data-root "$BB/data" --exec-root "$BR" --pidfile "$BR/berthd.pid" \
    "${BERTH_NET[@]}" --log-level warn >>"$BB/berthd.log" 2>&1 9>&- &
  BPID=$!
  wait_ping "$BSOCK" "$BPID" || { tail -20 "$BB/berthd.log" >&2; echo "side-by-side.sh: berthd did not start" >&2; exit 1; }
  START_US=$((${EPOCHREALTIME/./} - t0))
}
start_dockerd() {
  local t0=${EPOCHREALTIME/./}
  "$DOCKERD" --config-file "$DB/daemon.json" --data-root "$DB/data" --exec-root "$DR" -H "${HOSTS[docker]}" \
    --pidfile "$DR/dockerd.pid" "${DOCKER_NET[@]}" --cgroup-parent="/$CGPARENT" --shutdown-timeout 2 \
    --log-level warn >>"$DB/dockerd.log" 2>&1 9>&- &
  DPID=$!
  wait_ping "$DSOCK" "$DPID" || { tail -20 "$DB/dockerd.log" >&2; echo "side-by-side.sh: dockerd did not start" >&2; exit 1; }
  START_US=$((${EPOCHREALTIME/./} - t0))
}

# --- the daemons, their image, their start time -----------------------------------------------
phase "starting berthd ($BERTHD_BIN) and dockerd ($DOCKERD) on roots of their own"
AOT_OUT=${TRAIN_AOT:-}
start_berthd
AOT_OUT=
curl -sf --unix-socket "$BSOCK" -X POST 'http://d/images/bootstrap?name=busybox' >"$BB/bootstrap.log" ||
  { cat "$BB/bootstrap.log" >&2; echo "side-by-side.sh: busybox bootstrap on berthd failed" >&2; exit 1; }
layer=$(dk berth image inspect -f '{{index .RootFS.Layers 0}}' busybox:latest | sed 's/^sha256://')
cmd=$(dk berth image inspect -f '{{json .Config.Cmd}}' busybox:latest)
mapfile -t envs < <(dk berth image inspect -f '{{range .Config.Env}}{{println .}}{{end}}' busybox:latest | sed '/^$/d')
start_dockerd
changes=()
[ "$cmd" != null ] && changes+=(--change "CMD $cmd")
for e in "${envs[@]}"; do changes+=(--change "ENV $e"); done
tar -C "$BB/data/image/layers/$layer/diff" --numeric-owner -cf - . | dk docker import "${changes[@]}" - busybox:latest >/dev/null
if [ -n "${TRAIN_AOT:-}" ]; then # what install.sh's training run does, with the docker CLI
  phase "berthd's AOT cache: a training run"
  for ((i = 0; i < 5; i++)); do q dk berth run --rm --network none busybox true || true; done
  if q dk berth run -d --network none busybox sh -c 'echo hi'; then
    id=$(<"$OUT"); q dk berth wait "$id" || true; q dk berth logs "$id" || true
    q dk berth ps -a || true; q dk berth rm -f "$id" || true
  fi
  stop_pid "$BPID" 120 # the cache is written as the JVM exits
  [ -s "$TRAIN_AOT" ] || { rm -f "$TRAIN_AOT"; echo "  berthd wrote no AOT cache: measuring without" >&2; }
  start_berthd
fi
BVER=$(curl -sf --unix-socket "$BSOCK" http://d/version | sed 's/.*"Version":"\([^"]*\)".*/\1/')
DVER=$(curl -sf --unix-socket "$DSOCK" http://d/version | sed 's/.*"Version":"\([^"]*\)".*/\1/')

# a start with the image present and no containers, S times each; the last one stays up
for s in berth docker; do
  SAMPLES=()
  for ((i = 1; i <= STARTS; i++)); do
    if [ "$s" = berth ]; then stop_pid "$BPID" 15; start_berthd; else stop_pid "$DPID" 30; start_dockerd; fi
    SAMPLES+=("$START_US")
  done
  put_ms "daemon start to first answered /_ping" "$s"
done

phase "warming up: $DAEMON_WARMUP \`run --rm\` on each daemon"
for s in berth docker; do
  for ((i = 0; i < DAEMON_WARMUP; i++)); do
    q dk "$s" run --rm --network none busybox true || { echo "side-by-side.sh: $s cannot run busybox" >&2; exit 1; }
  done
done
sleep 2
for s in berth docker; do put_kib "daemon RSS, idle after warm-up" "$s" "$(daemon_rss "$s")"; done
NOTE[docker_idle]="dockerd $(rss "$DPID") KiB + containerd $(rss "$(containerd_pid)") KiB"

# --- the rows, one daemon after the other -------------------------------------------------------
R_RUN="run --rm --network none busybox true"
R_CREATE="create --network none busybox true"
R_START="start -a (created container running true)"
R_BATCH="$BATCH x run -d --network none busybox sleep 300"
R_RM="rm -f of those $BATCH (one command)"  # the CLI sends the 50 DELETEs concurrently
R_PS="ps -a with 100 containers"
R_LOGS="logs of a container that printed 100k lines"
R_RSS50="daemon RSS with $BATCH running containers"
R_MON="monitor RSS per container"
R_MONP="monitor PSS per container"

suite() {
  local s=$1 rep_i i id
  phase "measuring $s"
  rep "$R_RUN" "$s" one_run
  rep "$R_CREATE" "$s" one_create
  rep "$R_START" "$s" one_start

  local batch_t=() rm_t=() ok=1 rm_ok=1
  for ((rep_i = 1; rep_i <= BATCH_REPS && ok && rm_ok; rep_i++)); do
    local ids=() t=0
    for ((i = 0; i < BATCH; i++)); do
      q dk "$s" run -d --network none busybox sleep 300 || { ok=0; break; }
      t=$((t + Q_US)); ids+=("$(<"$OUT")")
    done
    if [ "$ok" = 1 ]; then batch_t+=("$t"); fi
    if [ "$ok" = 1 ] && [ "$rep_i" = 1 ]; then
      sleep 1
      put_kib "$R_RSS50" "$s" "$(daemon_rss "$s")"
      [ "$s" = berth ] || NOTE[docker_50]="dockerd $(rss "$DPID") KiB + containerd $(rss "$(containerd_pid)") KiB"
      avg_monitor "$s" rss
      put_kib "$R_MON" "$s" "$MON_KIB"
      NOTE["monitors_$s"]=$MON_COUNT
      avg_monitor "$s" pss
      put_kib "$R_MONP" "$s" "$MON_KIB"
      local created=()
      for ((i = 0; i < 100 - BATCH; i++)); do
        q dk "$s" create --network none busybox true || break
        created+=("$(<"$OUT")")
      done
      if q dk "$s" ps -aq; then NOTE["ps_$s"]=$(wc -l <"$OUT"); fi
      rep "$R_PS" "$s" one_ps
      if [ "${#created[@]}" -gt 0 ]; then q dk "$s" rm -f "${created[@]}" || true; fi
    fi
    if [ "${#ids[@]}" -gt 0 ]; then
      if q dk "$s" rm -f "${ids[@]}"; then
        if [ "$ok" = 1 ]; then rm_t+=("$Q_US"); fi
      else
        rm_ok=0
        if q dk "$s" ps -a; then echo "  $s: after the failed rm -f:" >&2; sed 's/^/    /' "$OUT" >&2; fi
      fi
    fi
  done
  if [ "$ok" = 1 ]; then SAMPLES=("${batch_t[@]}"); put_s "$R_BATCH" "$s"; else put_fail "$R_BATCH" "$s"; fi
  if [ "$ok" = 1 ] && [ "$rm_ok" = 1 ]; then SAMPLES=("${rm_t[@]}"); put_s "$R_RM" "$s"; else put_fail "$R_RM" "$s"; fi
  if q dk "$s" ps -aq && [ -s "$OUT" ]; then
    NOTE["left_$s"]=$(wc -l <"$OUT")
    echo "  $s: containers left after rm -f: ${NOTE["left_$s"]}; rm -f again" >&2
    mapfile -t left <"$OUT"
    q dk "$s" rm -f "${left[@]}" || true
  fi

  LOGS_ID=""
  if q dk "$s" run -d --network none busybox seq 100000; then
    LOGS_ID=$(<"$OUT")
    q dk "$s" wait "$LOGS_ID" || true
    if q dk "$s" logs "$LOGS_ID"; then
      NOTE["logs_$s"]="$(wc -l <"$OUT") lines, last $(tail -1 "$OUT")"
      rep "$R_LOGS" "$s" one_logs
    else
      put_fail "$R_LOGS" "$s"
    fi
    q dk "$s" rm -f "$LOGS_ID" || true
  else
    put_fail "$R_LOGS" "$s"
  fi
}
R_BRIDGE="run --rm busybox true (default bridge)"
R_COST="the bridge's cost (bridge - none)"
R_PUB="$BATCH x run -d -p PORT:80 busybox sleep 300"
one_run_bridge() { q dk "$1" run --rm busybox true; }

# the networking rows, the two daemons alternating row by row
network_suite() {
  local s i t ok ids none bridge
  for s in berth docker; do
    phase "$s: run --rm, no network and on the bridge"
    rep "$R_RUN" "$s" one_run
    none=$(printf '%s\n' "${SAMPLES[@]}" | median)
    rep "$R_BRIDGE" "$s" one_run_bridge
    bridge=$(printf '%s\n' "${SAMPLES[@]}" | median)
    addrow "$R_COST"
    RES["$R_COST|$s"]=$(awk -v a="$bridge" -v b="$none" 'BEGIN {printf "%.1f ms", (a - b) / 1000}')
  done
  for s in berth docker; do
    phase "$s: $R_PUB"
    t=0; ok=1; ids=()
    for ((i = 0; i < BATCH; i++)); do
      q dk "$s" run -d -p "$((23000 + i)):80" busybox sleep 300 || { ok=0; break; }
      t=$((t + Q_US)); ids+=("$(<"$OUT")")
    done
    if [ "$ok" = 1 ]; then SAMPLES=("$t"); put_s "$R_PUB" "$s"; else put_fail "$R_PUB" "$s"; fi
    if [ "${#ids[@]}" -gt 0 ]; then q dk "$s" rm -f "${ids[@]}" || true; fi
  done
}
R_VOL="run --rm -v benchvol:/data busybox true"
R_VCOST="the volume's cost (volume - none)"
one_run_volume() { q dk "$1" run --rm --network none -v benchvol:/data busybox true; }

# the volume rows, the two daemons alternating row by row
volume_suite() {
  local s none vol
  for s in berth docker; do
    phase "$s: run --rm, without and with a named volume"
    q dk "$s" volume create benchvol || { echo "side-by-side.sh: $s cannot create a volume" >&2; exit 1; }
    rep "$R_RUN" "$s" one_run
    none=$(printf '%s\n' "${SAMPLES[@]}" | median)
    rep "$R_VOL" "$s" one_run_volume
    vol=$(printf '%s\n' "${SAMPLES[@]}" | median)
    addrow "$R_VCOST"
    RES["$R_VCOST|$s"]=$(awk -v a="$vol" -v b="$none" 'BEGIN {printf "%.1f ms", (a - b) / 1000}')
    q dk "$s" volume rm benchvol || true
  done
}
R_LIM="run --rm --memory 64m --cpus 1 --pids-limit 100"
R_LCOST="the limits' cost (limits - none)"
one_run_limits() { q dk "$1" run --rm --network none --memory 64m --cpus 1 --pids-limit 100 busybox true; }

# the limits rows: with and without limits interleaved run by run, so that the daemon's drift
# over a row (which is larger than the difference sought) falls on both alike
limits_suite() {
  local s i none lim a=() b=()
  for s in berth docker; do
    phase "$s: run --rm, without and with memory, CPU and pids limits, interleaved"
    a=(); b=()
    for ((i = 1; i <= WARMUP + N; i++)); do
      one_run "$s" || { put_fail "$R_RUN" "$s"; break; }
      ((i > WARMUP)) && a+=("$Q_US")
      one_run_limits "$s" || { put_fail "$R_LIM" "$s"; break; }
      ((i > WARMUP)) && b+=("$Q_US")
    done
    SAMPLES=("${a[@]}"); put_ms "$R_RUN" "$s"
    SAMPLES=("${b[@]}"); put_ms "$R_LIM" "$s"
    none=$(printf '%s\n' "${a[@]}" | median)
    lim=$(printf '%s\n' "${b[@]}" | median)
    addrow "$R_LCOST"
    RES["$R_LCOST|$s"]=$(awk -v a="$lim" -v b="$none" 'BEGIN {printf "%.1f ms", (a - b) / 1000}')
  done
}
R_EXEC="exec c true"
R_FLOOR="runc exec of the same container (floor)"
R_OVER="exec's cost over the floor"
one_exec() { q dk "$1" exec benchexec true; }
one_runc_exec() { q runc --root "$BR/runc" exec "$EXEC_ID" true; }

# the exec rows: each daemon's exec, and runc's own, on a running container
exec_suite() {
  local s floor ex
  q dk berth run -d --name benchexec --network none busybox sleep 600 || { echo "side-by-side.sh: no container" >&2; exit 1; }
  EXEC_ID=$(<"$OUT")
  phase "runc exec: the floor"
  rep "$R_FLOOR" berth one_runc_exec
  floor=$(printf '%s\n' "${SAMPLES[@]}" | median)
  q dk docker run -d --name benchexec --network none busybox sleep 600 || true
  for s in berth docker; do
    phase "$s: exec"
    rep "$R_EXEC" "$s" one_exec
    ex=$(printf '%s\n' "${SAMPLES[@]}" | median)
    addrow "$R_OVER"
    RES["$R_OVER|$s"]=$(awk -v a="$ex" -v b="$floor" 'BEGIN {printf "%.1f ms", (a - b) / 1000}')
    q dk "$s" rm -f benchexec || true
  done
}
R_LOGSF="latency: line written to logs -f printing it"
R_ATTACH="latency: line written to attach printing it"
# Reads a client's output: pairs of adjtimex lines (tv_sec, then tv_usec, which holds nanoseconds
# when the status has STA_NANO, 0x2000), each compared with the time it is read; prints the
# median latency in microseconds after $SAMPLES_N readings, skipping the first few.
latency() {
  timeout -s KILL 120 "$DOCKER" -H "${HOSTS[$1]}" "${@:2}" | python3 -u -c '
import sys, time, statistics
want = int(sys.argv[1]); nano = False; sec = None; got = []; skip = 5
for line in iter(sys.stdin.readline, ""):
    now = time.time()
    f = line.split()
    if len(f) >= 2 and f[0] == "status:":
        nano = int(f[1]) & 0x2000 != 0
    elif len(f) >= 2 and f[0] == "time.tv_sec:":
        sec = int(f[1])
    elif len(f) >= 2 and f[0] == "time.tv_usec:" and sec is not None:
        t = sec + int(f[1]) / (1e9 if nano else 1e6)
        if skip > 0:
            skip -= 1
        else:
            got.append((now - t) * 1e6)
        if len(got) >= want:
            print(int(statistics.median(got)))
            sys.exit(0)
sys.exit(1)' "$SAMPLES_N"
  return "${PIPESTATUS[1]}" # the client ends on a broken pipe once the reader has enough
}

# the latency rows: one ticking container per daemon, followed by logs -f and by attach
attach_suite() {
  local s us
  for s in berth docker; do
    phase "$s: output latency, $SAMPLES_N lines each for logs -f and attach"
    q dk "$s" run -d --name benchtick --network none busybox sh -c 'while :; do adjtimex; sleep 0.1; done' \
      || { echo "side-by-side.sh: $s cannot run the ticking container" >&2; exit 1; }
    addrow "$R_LOGSF"
    if us=$(latency "$s" logs -f --tail 0 benchtick); then
      RES["$R_LOGSF|$s"]=$(awk -v u="$us" 'BEGIN {printf "%.2f ms", u / 1000}')
    else
      put_fail "$R_LOGSF" "$s"
    fi
    addrow "$R_ATTACH"
    if us=$(latency "$s" attach --no-stdin --sig-proxy=false benchtick); then
      RES["$R_ATTACH|$s"]=$(awk -v u="$us" 'BEGIN {printf "%.2f ms", u / 1000}')
    else
      put_fail "$R_ATTACH" "$s"
    fi
    q dk "$s" rm -f benchtick || true
  done
}
if [ "$NET" = 1 ]; then
  network_suite
elif [ "$ATTACH" = 1 ]; then
  attach_suite
elif [ "$LIMITS" = 1 ]; then
  limits_suite
elif [ "$VOL" = 1 ]; then
  volume_suite
elif [ "$EXEC" = 1 ]; then
  exec_suite
else
  suite berth
  suite docker
fi

AFTER=()
if [ "$AFTER_RUNS" -gt 0 ]; then
  phase "berthd: $AFTER_RUNS more \`run --rm\`"
  t0=${EPOCHREALTIME/./}
  fails=0
  for ((i = 0; i < AFTER_RUNS; i++)); do q dk berth run --rm --network none busybox true || fails=$((fails + 1)); done
  secs=$(((${EPOCHREALTIME/./} - t0) / 1000000))
  sleep 2
  idle=$(rss "$BPID")
  ids=()
  for ((i = 0; i < BATCH; i++)); do
    if q dk berth run -d --network none busybox sleep 300; then ids+=("$(<"$OUT")"); fi
  done
  sleep 1
  busy=$(rss "$BPID")
  if [ "${#ids[@]}" -gt 0 ]; then q dk berth rm -f "${ids[@]}" || true; fi
  sleep 2
  idle2=$(rss "$BPID")
  AFTER+=("$(printf 'berthd after %d more runs (%ds, %d failed): RSS idle %.1f MiB (goal < 64), with %d running %.1f MiB (goal < 80), idle again %.1f MiB' \
    "$AFTER_RUNS" "$secs" "$fails" "$(echo "$idle / 1024" | bc -l)" "${#ids[@]}" "$(echo "$busy / 1024" | bc -l)" "$(echo "$idle2 / 1024" | bc -l)")")
fi

# --- the table ---------------------------------------------------------------------------------
declare -A GOAL=(
  ["the bridge's cost (bridge - none)"]="< 25 ms"
  ["the volume's cost (volume - none)"]="< 5 ms"
  ["exec's cost over the floor"]="< 15 ms"
  ["$R_LCOST"]="< 3 ms"
  ["$R_LOGSF"]="< 5 ms"
  ["$R_ATTACH"]="< 5 ms"
  ["$BATCH x run -d -p PORT:80 busybox sleep 300"]="< 3 s"
  ["daemon start to first answered /_ping"]="< 0.5 s"
  ["daemon RSS, idle after warm-up"]="< 64 MiB"
  ["$R_RSS50"]="< 80 MiB"
)
num() { sed 's/ .*//'; }
echo
aot="no AOT cache"
case "$BERTHD_BIN" in "$BB"/*) [ -s "$BB/berthd.aot" ] && aot="AOT cache from a training run, as install.sh makes" ;; *) aot="launcher $BERTHD_BIN" ;; esac
echo "Berth $BVER (berthd, $aot) vs Docker $DVER (dockerd + containerd $(containerd --version | awk '{print $3}'), runc $(runc --version | awk 'NR == 1 {print $3}'))"
echo "client: docker CLI $("$DOCKER" version -f '{{.Client.Version}}' 2>/dev/null) for both; $(nproc) cores; $(date -u +%FT%TZ)"
echo "medians: $N runs per row after $WARMUP untimed, $STARTS daemon starts, $BATCH_REPS x the $BATCH-container rows, after $DAEMON_WARMUP warm-up runs per daemon"
echo "ratio = Docker / Berth; every row is lower-is-better, so above 1 means Berth is faster (or smaller) by that factor"
echo
printf '%-46s %12s %12s %13s  %s\n' "row" "Berth" "Docker" "Docker/Berth" "Berth's goal"
for r in "${ROWS[@]}"; do
  b=${RES["$r|berth"]:-"-"}; d=${RES["$r|docker"]:-"-"}
  ratio="-"
  if [[ "$b" =~ ^[0-9.]+\  && "$d" =~ ^[0-9.]+\  ]]; then
    ratio=$(awk -v b="$(echo "$b" | num)" -v d="$(echo "$d" | num)" 'BEGIN {if (b > 0) printf "%.2fx", d / b; else print "-"}')
  fi
  printf '%-46s %12s %12s %13s  %s\n' "$r" "$b" "$d" "$ratio" "${GOAL[$r]:-}"
done
echo
if [ "$NET" = 0 ] && [ "$VOL" = 0 ] && [ "$EXEC" = 0 ] && [ "$ATTACH" = 0 ] && [ "$LIMITS" = 0 ]; then
echo "Docker's daemon RSS is dockerd + containerd: idle ${NOTE[docker_idle]}; with $BATCH running ${NOTE[docker_50]:-?}."
echo "monitors: conmon per Berth container (${NOTE[monitors_berth]:-?} seen), containerd-shim-runc-v2 per Docker container (${NOTE[monitors_docker]:-?} seen); PSS shares pages between them."
echo "ps -a listed ${NOTE[ps_berth]:-?} (Berth) and ${NOTE[ps_docker]:-?} (Docker) containers; logs: ${NOTE[logs_berth]:-?} (Berth), ${NOTE[logs_docker]:-?} (Docker)."
fi
for a in "${AFTER[@]}"; do echo "$a"; done
if [ "${#FAILURES[@]}" -gt 0 ]; then
  echo
  echo "${#FAILURES[@]} command(s) failed:"
  for f in "${FAILURES[@]}"; do echo "- $f"; done
fi
echo
echo "took $(((${EPOCHREALTIME/./} - START_ALL) / 1000000)) s"
