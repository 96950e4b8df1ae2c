#!/usr/bin/env bash
# SIP load and media benchmark of the real service, driven by sipp on 127.0.0.1 (issues 3 and 4).
#
#   benchmarks/sip-load/run.sh --build DIR [--out DIR] [--parts rates,held,media] [options]
#
# DIR holds a Release build of the service:  dotnet build src/Web -c Release -o DIR
#
# Parts (each on a freshly started service, SQLite in a temporary folder, Sip:RingTime 0):
#   rates  calls per second: for each rate, 500 warm-up calls, then RATE x --seconds calls of
#          uac_basic.xml (INVITE with SDP -> 200 with SDP -> ACK -> --call-ms -> BYE), and the
#          service's CPU (utime+stime from /proc over the sipp run), RSS and peak RSS, and its
#          managed heap after a forced GC right after the run (calls still in Timer J/L).
#   held   memory held per finished call: heap and RSS after a forced GC once every transaction
#          timer has run out, before and after --held-calls calls, divided by that number.
#   media  N concurrent calls (--media-calls) with RTP both ways (caller plays a looped PCMU
#          prompt, then an RFC 4733 digit; the service plays its IVR prompts), and N calls where
#          only the service sends ("listen": one digit, then silence). Service CPU over a
#          window when all N calls are up, and the spread of the service's send intervals
#          measured on lo (dumpcap, when present).
#
# Needs sipp (Debian sip-tester), python3, dotnet; dotnet-gcdump for heap figures (installed
# into --tools when missing; heap columns read n/a without it); dumpcap for the send spread.
# Every process it starts is bounded by `timeout` and killed by PID when the script ends.
# Prints the results as markdown tables and writes them to OUT/results.md.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)

BUILD=""
OUT="/tmp/sip-load-$(date +%Y%m%d-%H%M%S)"
PARTS="rates,held,media"
RATES="100 200 400 600 800 1000"
SECONDS_PER_RATE=20
CALL_MS=1000
HELD_CALLS=20000
HELD_RATE=400
MEDIA_CALLS="200 1000"
MEDIA_SECONDS=40
MEDIA_RATE=200
TOOLS="${TMPDIR:-/tmp}/sip-load-tools"
# Ports below the kernel's ephemeral range (ip_local_port_range, 32768+ by default), so no
# outgoing connection on the machine can hold them.
HTTP_PORT=18080
SIP_PORT=15060
UAC_PORT=15070
UAC_MEDIA_PORT=16000
RTP_MIN=20000
RTP_MAX=29999
DID=525541708422
# Timer J and the RFC 6026 Timer L keep a finished transaction 64*T1 = 32 s; wait a little longer.
DRAIN_SECONDS=40
SERVICE_ARGS=()

usage() { sed -n '2,27p' "$0" | sed 's/^# \{0,1\}//'; cat <<EOF

Options (defaults in brackets):
  --build DIR            service build output (required)
  --out DIR              results and logs [$OUT]
  --parts LIST           any of rates,held,media [$PARTS]
  --rates "R1 R2 ..."    calls per second to try [$RATES]
  --seconds N            placing calls for N s per rate [$SECONDS_PER_RATE]
  --call-ms MS           call length, sipp -d [$CALL_MS]
  --held-calls N         calls for the held-memory part [$HELD_CALLS] at --held-rate [$HELD_RATE]
  --media-calls "N ..."  concurrent media calls [$MEDIA_CALLS]
  --media-seconds N      caller audio length per media call [$MEDIA_SECONDS]
  --tools DIR            where dotnet-gcdump is installed when missing [$TOOLS]
  --service-arg ARG      one more argument for the service, e.g. --service-arg --Sip:UdpReceiveBufferSize=4194304
                         (repeatable); runtime knobs go in the environment, e.g. DOTNET_gcServer=0 run.sh ...
EOF
}

while [ $# -gt 0 ]; do
  case "$1" in
    --build) BUILD=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --parts) PARTS=$2; shift 2 ;;
    --rates) RATES=$2; shift 2 ;;
    --seconds) SECONDS_PER_RATE=$2; shift 2 ;;
    --call-ms) CALL_MS=$2; shift 2 ;;
    --held-calls) HELD_CALLS=$2; shift 2 ;;
    --held-rate) HELD_RATE=$2; shift 2 ;;
    --media-calls) MEDIA_CALLS=$2; shift 2 ;;
    --media-seconds) MEDIA_SECONDS=$2; shift 2 ;;
    --tools) TOOLS=$2; shift 2 ;;
    --service-arg) SERVICE_ARGS+=("$2"); shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done

[ -n "$BUILD" ] || { echo "--build DIR is required" >&2; usage >&2; exit 2; }
BUILD=$(cd "$BUILD" && pwd)
[ -f "$BUILD/CallMyWay.Voice.Web.dll" ] || { echo "$BUILD/CallMyWay.Voice.Web.dll is missing; build with: dotnet build src/Web -c Release -o $BUILD" >&2; exit 2; }
for tool in sipp python3 dotnet curl; do
  command -v "$tool" >/dev/null || { echo "$tool is not installed" >&2; exit 2; }
done
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
HZ=$(getconf CLK_TCK)

# sipp keeps one socket per call for pcap play; the service one pair per call.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

log() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }

# ---------------------------------------------------------------- process bookkeeping
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  sleep 1
  for pid in "${PIDS[@]}"; do
    kill -9 "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

child_of() {  # the process a `timeout` wrapper started
  local parent=$1 child="" i
  for i in $(seq 1 50); do
    child=$(pgrep -P "$parent" | head -n 1 || true)
    [ -n "$child" ] && break
    sleep 0.1
  done
  echo "$child"
}

# ---------------------------------------------------------------- /proc readings
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
status_kb() { awk -v key="$2:" '$1 == key { print $2 }' "/proc/$1/status"; }
machine_busy() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8, $2 + $3 + $4 + $5 + $6 + $7 + $8 }' /proc/stat; }
now() { date +%s.%N; }
# Datagrams the kernel dropped because the socket on 127.0.0.1:PORT was not read fast enough.
udp_drops() { awk -v port="$(printf '%04X' "$1")" '$2 == "0100007F:" port { print $NF; found = 1 } END { if (!found) print "n/a" }' /proc/net/udp; }
calc() { python3 -c "print($1)"; }

GCDUMP=""
find_gcdump() {
  GCDUMP=$(command -v dotnet-gcdump || true)
  [ -z "$GCDUMP" ] && [ -x "$HOME/.dotnet/tools/dotnet-gcdump" ] && GCDUMP="$HOME/.dotnet/tools/dotnet-gcdump"
  [ -z "$GCDUMP" ] && [ -x "$TOOLS/dotnet-gcdump" ] && GCDUMP="$TOOLS/dotnet-gcdump"
  if [ -z "$GCDUMP" ]; then
    log "installing dotnet-gcdump into $TOOLS"
    if timeout 300 dotnet tool install --tool-path "$TOOLS" dotnet-gcdump >"$OUT/gcdump-install.log" 2>&1; then
      GCDUMP="$TOOLS/dotnet-gcdump"
    else
      log "dotnet-gcdump could not be installed (see $OUT/gcdump-install.log); heap figures will read n/a"
    fi
  fi
}

# Managed heap in bytes after the full, blocking GC that a gcdump starts; n/a without the tool.
gc_heap() {
  local pid=$1 name=$2
  if [ -z "$GCDUMP" ]; then echo "n/a"; return; fi
  if ! timeout 120 "$GCDUMP" collect -p "$pid" -o "$OUT/$name.gcdump" >"$OUT/$name.gcdump.log" 2>&1; then
    echo "n/a"; return
  fi
  timeout 120 "$GCDUMP" report "$OUT/$name.gcdump" >"$OUT/$name.heap.txt" 2>&1 || true
  awk '/GC Heap bytes/ { gsub(",", "", $1); print $1; exit }' "$OUT/$name.heap.txt"
}

# ---------------------------------------------------------------- the service
SERVICE_PID=""
start_service() {
  local name=$1 dir="$OUT/$1"
  mkdir -p "$dir"
  if command -v ss >/dev/null && { ss -Hlnu "sport = :$SIP_PORT" | grep -q . || ss -Hlnt "sport = :$HTTP_PORT" | grep -q .; }; then
    echo "port $SIP_PORT/udp or $HTTP_PORT/tcp is taken" >&2; exit 1
  fi
  (
    cd "$dir"
    exec timeout -s KILL 3600 dotnet "$BUILD/CallMyWay.Voice.Web.dll" \
      "--Urls=http://127.0.0.1:$HTTP_PORT" \
      --Sip:ListenAddress=127.0.0.1 "--Sip:Port=$SIP_PORT" --Sip:RingTime=00:00:00 \
      "--Sip:RecordingFolder=$dir/recordings" "--Ivr:OutboxFolder=$dir/outbox" \
      "--ConnectionStrings:Default=Data Source=$dir/callmyway.db" \
      --Auth:AdminEmail=bench@callmyway.test --Auth:AdminPassword=bench-load-password-1 \
      --Media:BindAddress=127.0.0.1 "--Media:RtpPortMin=$RTP_MIN" "--Media:RtpPortMax=$RTP_MAX" \
      "--Prompts:Folder=$BUILD/prompts" --Logging:LogLevel:Default=Warning "${SERVICE_ARGS[@]}"
  ) >"$dir/service.log" 2>&1 &
  local wrapper=$!
  PIDS+=("$wrapper")
  SERVICE_PID=$(child_of "$wrapper")
  [ -n "$SERVICE_PID" ] || { echo "the service did not start; see $dir/service.log" >&2; exit 1; }
  PIDS+=("$SERVICE_PID")
  local i
  for i in $(seq 1 120); do
    if curl -sf -m 2 "http://127.0.0.1:$HTTP_PORT/health" >/dev/null 2>&1; then
      log "service $name up (pid $SERVICE_PID)"
      return
    fi
    kill -0 "$SERVICE_PID" 2>/dev/null || break
    sleep 0.5
  done
  echo "the service did not become healthy; see $dir/service.log" >&2
  exit 1
}

stop_service() {
  [ -n "$SERVICE_PID" ] || return 0
  kill "$SERVICE_PID" 2>/dev/null || true
  local i
  for i in $(seq 1 50); do
    kill -0 "$SERVICE_PID" 2>/dev/null || break
    sleep 0.2
  done
  kill -9 "$SERVICE_PID" 2>/dev/null || true
  SERVICE_PID=""
}

# ---------------------------------------------------------------- sipp
# start_sipp NAME SCENARIO CALLS RATE LIMIT CALL_MS [extra sipp args]: starts sipp in the
# background (SIPP_PID) and leaves NAME.csv (trace_stat), NAME.err and NAME.screen.
SIPP_PID=""
SIPP_WRAPPER=""
start_sipp() {
  local name=$1 scenario=$2 calls=$3 rate=$4 limit=$5 call_ms=$6
  shift 6
  local budget=$(( calls / rate + call_ms / 1000 + 90 ))
  local i
  for i in $(seq 1 60); do
    command -v ss >/dev/null || break
    ss -Hlnu "sport = :$UAC_PORT" | grep -q . || ss -Hlnu "sport = :$UAC_MEDIA_PORT" | grep -q . || break
    [ "$i" -eq 60 ] && { echo "port $UAC_PORT/udp or $UAC_MEDIA_PORT/udp stays taken" >&2; exit 1; }
    sleep 0.5
  done
  (
    exec timeout -s KILL $(( budget + 30 )) sipp "127.0.0.1:$SIP_PORT" -sf "$scenario" -s "$DID" -key caller 15550001111 \
      -i 127.0.0.1 -p "$UAC_PORT" -mi 127.0.0.1 -mp "$UAC_MEDIA_PORT" \
      -m "$calls" -r "$rate" -l "$limit" -d "$call_ms" \
      -recv_timeout 10000 -timeout "${budget}s" -timeout_error -nostdin \
      -trace_stat -stf "$OUT/$name.csv" -fd 1 -trace_err -error_file "$OUT/$name.err" \
      -trace_screen -screen_file "$OUT/$name.screen" "$@"
  ) >/dev/null 2>"$OUT/$name.stderr" &
  SIPP_WRAPPER=$!
  PIDS+=("$SIPP_WRAPPER")
  SIPP_PID=$(child_of "$SIPP_WRAPPER")
  [ -n "$SIPP_PID" ] && PIDS+=("$SIPP_PID")
  SIPP_NAME=$name
}

# Waits for sipp, writing NAME.rc (exit code) and NAME.cpu (sipp's CPU seconds, read from /proc
# every half second while it runs).
wait_sipp() {
  local ticks=0 t
  while [ -n "$SIPP_PID" ] && kill -0 "$SIPP_PID" 2>/dev/null; do
    t=$(cpu_ticks "$SIPP_PID" 2>/dev/null || true)
    [ -n "$t" ] && ticks=$t
    sleep 0.5
  done
  local rc=0
  wait "$SIPP_WRAPPER" || rc=$?
  echo "$rc" >"$OUT/$SIPP_NAME.rc"
  calc "$ticks / $HZ" >"$OUT/$SIPP_NAME.cpu"
}

run_sipp() { start_sipp "$@"; wait_sipp; }

sipp_stats() {  # JSON summary of NAME.csv
  python3 "$HERE/sipp_stats.py" "$OUT/$1.csv" 2>/dev/null || true
}

json_field() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(d.get(sys.argv[2], 'n/a'))" "$1" "$2" 2>/dev/null || echo "n/a"; }

mib() { [ "$1" = "n/a" ] && echo "n/a" || calc "round($1 / 1048576, 1)"; }

RESULTS="$OUT/results.md"
: >"$RESULTS"
emit() { echo "$*" | tee -a "$RESULTS"; }

log "results in $OUT"
find_gcdump
emit "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); $(sipp -v 2>/dev/null | grep -o 'SIPp v[^ ]*' | sed 's/\.$//' | head -n 1); .NET $(dotnet --version); service from $BUILD ${SERVICE_ARGS[*]}; $(env | grep -E '^DOTNET_(gc|GC|ThreadPool|SYSTEM_NET)' | sort | tr '\n' ' ')"
emit ""

# ---------------------------------------------------------------- rates
if [[ ",$PARTS," == *",rates,"* ]]; then
  emit "### Calls per second (uac_basic.xml, ${CALL_MS} ms calls, ${SECONDS_PER_RATE} s per rate)"
  emit ""
  emit "| target cps | calls | successful | failed | retrans | SIP socket drops | achieved cps | INVITE→200 mean ms | ≥100 ms | service CPU % of a core | sipp CPU % | machine busy % of 2 cores | RSS MiB end / peak | heap MiB after GC (calls in Timer J/L) |"
  emit "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for rate in $RATES; do
    calls=$(( rate * SECONDS_PER_RATE ))
    limit=$(( rate * (CALL_MS / 1000 + 2) * 2 + 200 ))
    start_service "rate-$rate"
    log "rate $rate: warm-up"
    run_sipp "rate-$rate-warmup" "$REPO/tests/EndToEnd.Tests/Sip/uac_basic.xml" 500 100 1000 "$CALL_MS"
    sleep 2
    log "rate $rate: $calls calls"
    c0=$(cpu_ticks "$SERVICE_PID"); read -r b0 t0 <<<"$(machine_busy)"; w0=$(now)
    run_sipp "rate-$rate" "$REPO/tests/EndToEnd.Tests/Sip/uac_basic.xml" "$calls" "$rate" "$limit" "$CALL_MS"
    w1=$(now); c1=$(cpu_ticks "$SERVICE_PID"); read -r b1 t1 <<<"$(machine_busy)"
    rss=$(status_kb "$SERVICE_PID" VmRSS); hwm=$(status_kb "$SERVICE_PID" VmHWM)
    drops=$(udp_drops "$SIP_PORT")
    heap=$(gc_heap "$SERVICE_PID" "rate-$rate")
    sipp_stats "rate-$rate" >"$OUT/rate-$rate.json"
    j="$OUT/rate-$rate.json"
    ok=$(json_field "$j" successful); failed=$(json_field "$j" failed)
    wall=$(calc "$w1 - $w0")
    cpu=$(calc "round(100 * ($c1 - $c0) / $HZ / $wall, 1)")
    busy=$(calc "round(100 * ($b1 - $b0) / max(1, $t1 - $t0), 1)")
    sipp_cpu=$(calc "round(100 * $(cat "$OUT/rate-$rate.cpu") / $wall, 1)")
    achieved=$(calc "round($ok / max(0.001, $wall - $CALL_MS / 1000.0), 1)" 2>/dev/null || echo n/a)
    slow=$(python3 -c "import json,sys; h=json.load(open(sys.argv[1]))['rt_histogram']; print(sum(v for k,v in h.items() if k in ('<200','<500','<1000','>=1000')))" "$j" 2>/dev/null || echo n/a)
    emit "| $rate | $calls | $ok | $failed | $(json_field "$j" retransmissions) | $drops | $achieved | $(json_field "$j" response_time_ms) | $slow | $cpu | $sipp_cpu | $busy | $(calc "round($rss / 1024)") / $(calc "round($hwm / 1024)") | $(mib "$heap") |"
    stop_service
  done
  emit ""
fi

# ---------------------------------------------------------------- held memory
if [[ ",$PARTS," == *",held,"* ]]; then
  start_service held
  log "held: 2000 warm-up calls, then ${DRAIN_SECONDS} s for their transactions to end"
  run_sipp held-warmup "$REPO/tests/EndToEnd.Tests/Sip/uac_basic.xml" 2000 200 2000 "$CALL_MS"
  sleep "$DRAIN_SECONDS"
  heap0=$(gc_heap "$SERVICE_PID" held-before); rss0=$(status_kb "$SERVICE_PID" VmRSS)
  log "held: $HELD_CALLS calls at $HELD_RATE cps"
  run_sipp held "$REPO/tests/EndToEnd.Tests/Sip/uac_basic.xml" "$HELD_CALLS" "$HELD_RATE" $(( HELD_RATE * 6 + 200 )) "$CALL_MS"
  heap1=$(gc_heap "$SERVICE_PID" held-window); rss1=$(status_kb "$SERVICE_PID" VmRSS)
  log "held: ${DRAIN_SECONDS} s for the last transactions to end"
  sleep "$DRAIN_SECONDS"
  heap2=$(gc_heap "$SERVICE_PID" held-after); rss2=$(status_kb "$SERVICE_PID" VmRSS); hwm=$(status_kb "$SERVICE_PID" VmHWM)
  sipp_stats held >"$OUT/held.json"
  ok=$(json_field "$OUT/held.json" successful); failed=$(json_field "$OUT/held.json" failed)
  # Calls whose transactions were still inside their 32 s Timer J/L window when the run ended.
  window_calls=$(( HELD_RATE * 32 < HELD_CALLS ? HELD_RATE * 32 : HELD_CALLS ))
  per() { [ "$1" = "n/a" ] || [ "$2" = "n/a" ] && echo "n/a" || calc "round(($2 - $1) / $3)"; }
  emit "### Memory held per finished call ($HELD_CALLS calls at $HELD_RATE cps: $ok successful, $failed failed)"
  emit ""
  emit "| measure | before | right after the run | ${DRAIN_SECONDS} s later | bytes per call |"
  emit "|---|---:|---:|---:|---:|"
  emit "| managed heap after forced GC, MiB | $(mib "$heap0") | $(mib "$heap1") | $(mib "$heap2") | $(per "$heap0" "$heap2" "$HELD_CALLS") retained; $(per "$heap0" "$heap1" "$window_calls") per call in its Timer J/L window ($window_calls calls) |"
  emit "| RSS, MiB (peak $(calc "round($hwm / 1024)")) | $(calc "round($rss0 / 1024)") | $(calc "round($rss1 / 1024)") | $(calc "round($rss2 / 1024)") | $(per "$(( rss0 * 1024 ))" "$(( rss2 * 1024 ))" "$HELD_CALLS") retained |"
  emit ""
  stop_service
fi

# ---------------------------------------------------------------- media
if [[ ",$PARTS," == *",media,"* ]]; then
  GEN="$REPO/tests/EndToEnd.Tests/Sip/gen_uac_scenario.py"
  python3 "$HERE/loop_pcap.py" "$HERE/pcmu_prompt.pcap" --seconds "$MEDIA_SECONDS" -o "$OUT/caller-audio.pcap"
  # duplex: the caller talks for MEDIA_SECONDS, presses 9 (RFC 4733; the IVR switches language
  # and stays in its menu), and hangs up. listen: the caller presses 9 and then only listens.
  python3 "$GEN" --mode rfc4733 --digits 9 --audio "$OUT/caller-audio.pcap" --wait-ms 200 --hold-ms 1000 -o "$OUT/uac_duplex.xml"
  python3 "$GEN" --mode rfc4733 --digits 9 --audio none --hold-ms $(( MEDIA_SECONDS * 1000 )) -o "$OUT/uac_listen.xml"
  DUMPCAP=$(command -v dumpcap || true)
  emit "### Concurrent calls with media (caller audio ${MEDIA_SECONDS} s, ramp ${MEDIA_RATE} calls/s)"
  emit ""
  emit "| calls | direction | successful | failed | service CPU % of a core | sipp CPU % | machine busy % of 2 cores | RSS MiB | send interval p50 / p99 / p99.9 / max ms | within 20±2 ms | streams seen |"
  emit "|---:|---|---:|---:|---:|---:|---:|---:|---|---:|---:|"
  for n in $MEDIA_CALLS; do
    for mode in listen duplex; do
      name="media-$n-$mode"
      start_service "$name"
      ramp=$(( (n + MEDIA_RATE - 1) / MEDIA_RATE ))
      # Measure once every call is up and well before the first one stops sending.
      settle=$(( ramp + 3 ))
      window=$(( MEDIA_SECONDS - ramp - 8 ))
      [ "$window" -ge 5 ] || { echo "--media-seconds too short for $n calls" >&2; exit 2; }
      log "$name: $n calls"
      start_sipp "$name" "$OUT/uac_$mode.xml" "$n" "$MEDIA_RATE" "$n" 0
      sleep "$settle"
      sipp0=$(cpu_ticks "$SIPP_PID" 2>/dev/null || echo 0)
      c0=$(cpu_ticks "$SERVICE_PID"); read -r b0 t0 <<<"$(machine_busy)"; w0=$(now)
      spread="n/a"; within="n/a"; streams="n/a"
      if [ -n "$DUMPCAP" ]; then
        timeout -s KILL $(( window + 20 )) "$DUMPCAP" -q -P -i lo -s 64 \
          -f "udp and dst port $UAC_MEDIA_PORT and src portrange $RTP_MIN-$RTP_MAX" \
          -a duration:$(( window < 10 ? window : 10 )) -w "$OUT/$name.pcap" >/dev/null 2>"$OUT/$name.dumpcap.log" &
        PIDS+=("$!")
      fi
      sleep "$window"
      w1=$(now); c1=$(cpu_ticks "$SERVICE_PID"); read -r b1 t1 <<<"$(machine_busy)"
      sipp1=$(cpu_ticks "$SIPP_PID" 2>/dev/null || echo "$sipp0")
      rss=$(status_kb "$SERVICE_PID" VmRSS)
      wait_sipp
      if [ -n "$DUMPCAP" ] && [ -s "$OUT/$name.pcap" ] && python3 "$HERE/send_spread.py" "$OUT/$name.pcap" >"$OUT/$name.spread.json" 2>/dev/null; then
        s="$OUT/$name.spread.json"
        spread="$(json_field "$s" p50_ms) / $(json_field "$s" p99_ms) / $(json_field "$s" p99_9_ms) / $(json_field "$s" max_ms)"
        within="$(json_field "$s" within_tolerance_pct) %"
        streams=$(json_field "$s" streams)
      fi
      sipp_stats "$name" >"$OUT/$name.json"
      wall=$(calc "$w1 - $w0")
      emit "| $n | $mode | $(json_field "$OUT/$name.json" successful) | $(json_field "$OUT/$name.json" failed) | $(calc "round(100 * ($c1 - $c0) / $HZ / $wall, 1)") | $(calc "round(100 * ($sipp1 - $sipp0) / $HZ / $wall, 1)") | $(calc "round(100 * ($b1 - $b0) / max(1, $t1 - $t0), 1)") | $(calc "round($rss / 1024)") | $spread | $within | $streams |"
      stop_service
    done
  done
  emit ""
fi

log "done: $RESULTS"
