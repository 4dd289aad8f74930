#!/usr/bin/env bash
# Brings the whole platform up on this machine: InfluxDB, the Orleans silo, the ingest gateway, the
# dashboard and (unless --no-simulator) the field simulator; with --mqtt also a Mosquitto broker the gateway
# subscribes to and a second simulator publishing to it. Installs what is missing on Debian.
# Stays in the foreground; Ctrl-C or SIGTERM stops everything it started.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DATA="$ROOT/.data"
SIMULATOR=1
MQTT=0
SILOS=1
TBMS=4
TRUCKS=12
# Share of the simulated trucks that report as GB/T 32960 T-Boxes over TCP (the rest post line protocol over HTTP).
GBT_SHARE=0.5

usage() {
  cat <<USAGE
usage: ./run.sh [--no-simulator] [--mqtt] [--silos N] [--tbms N] [--trucks N] [--gbt-share F]
  --gbt-share F  share of the simulated trucks that report as GB/T 32960 T-Boxes on tcp 32960 (default 0.5)
  --mqtt         also start Mosquitto on 127.0.0.1:1883 and publish 2 TBMs (Sparkplug B) and 2 trucks (line protocol)
                 to it as mqtt-tbm-01…, mqtt-truck-01… (the gateway subscribes; see README "MQTT")
environment: EQUIPMENT_INFLUX_URL (use this InfluxDB instead of starting one), EQUIPMENT_INFLUX_DATABASE,
             EQUIPMENT_DEV_TOKEN (development token; random when unset)
USAGE
}

while [ $# -gt 0 ]; do
  case "$1" in
    --no-simulator) SIMULATOR=0 ;;
    --mqtt) MQTT=1 ;;
    --silos) SILOS="${2:?--silos needs a number}"; shift ;;
    --tbms) TBMS="${2:?}"; shift ;;
    --trucks) TRUCKS="${2:?}"; shift ;;
    --gbt-share) GBT_SHARE="${2:?--gbt-share needs a share between 0 and 1}"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

case "$SILOS" in ''|*[!0-9]*|0) echo "run.sh: --silos needs a positive number" >&2; exit 2 ;; esac

source "$ROOT/scripts/common.sh"

PIDS=()
SILO_PIDS=()
SIM_PID=""
MQTT_SIM_PID=""
cleanup() {
  trap - INT TERM EXIT
  echo
  echo "Stopping…"
  [ -z "$SIM_PID" ] || kill -TERM "$SIM_PID" 2>/dev/null || true
  [ -z "$MQTT_SIM_PID" ] || kill -TERM "$MQTT_SIM_PID" 2>/dev/null || true
  # Clients first, then the silos, then the stores: each stops while what it depends on still runs.
  PIDS=("${PIDS[@]:0:${STORES:-0}}" "${SILO_PIDS[@]}" "${PIDS[@]:${STORES:-0}}")
  for (( i=${#PIDS[@]}-1; i>=0; i-- )); do kill -TERM "${PIDS[$i]}" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  echo "Stopped."
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

ensure_dotnet
[ -n "${EQUIPMENT_INFLUX_URL:-}" ] || ensure_apt influxd influxdb
ensure_apt redis-server redis-server
[ "$MQTT" = 0 ] || ensure_apt mosquitto mosquitto
ensure_apt node nodejs
ensure_apt npm npm

mkdir -p "$DATA/logs"
export DOTNET_ENVIRONMENT=Development ASPNETCORE_ENVIRONMENT=Development DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export EQUIPMENT_DEV_TOKEN="${EQUIPMENT_DEV_TOKEN:-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')}"

echo "Building (Release)…"
dotnet build "$ROOT/Equipment.sln" -c Release -nologo -clp:ErrorsOnly -v:q >"$DATA/logs/build.log" 2>&1 || { tail -40 "$DATA/logs/build.log"; exit 1; }

if [ -z "${EQUIPMENT_INFLUX_URL:-}" ]; then
  start_influxd "$DATA/influxdb" 8086 8088 "$DATA/logs/influxd.log"
  PIDS+=("$INFLUXD_PID")
  export EQUIPMENT_INFLUX_URL="http://127.0.0.1:8086"
fi
wait_http "$EQUIPMENT_INFLUX_URL/ping" 30 "InfluxDB"

# Grain state (registry, twins, alerts) lives in a local Redis with append-only persistence, so it survives restarts.
mkdir -p "$DATA/redis"
redis-server --port 6379 --bind 127.0.0.1 --dir "$DATA/redis" --appendonly yes --save "" --daemonize no >"$DATA/logs/redis.log" 2>&1 &
PIDS+=($!)
wait_tcp 127.0.0.1 6379 20 "Redis"
if [ "$MQTT" = 1 ]; then
  # The site broker: persistent sessions survive a gateway restart (QoS 1 messages queue for it meanwhile).
  mkdir -p "$DATA/mosquitto"
  cat >"$DATA/mosquitto/mosquitto.conf" <<CONF
listener 1883 127.0.0.1
allow_anonymous true
user $(id -un)
persistence true
persistence_location $DATA/mosquitto/
max_queued_messages 100000
CONF
  mosquitto -c "$DATA/mosquitto/mosquitto.conf" >"$DATA/logs/mosquitto.log" 2>&1 &
  PIDS+=($!)
  wait_tcp 127.0.0.1 1883 20 "Mosquitto"
  export Mqtt__Brokers__0__Name=local Mqtt__Brokers__0__Host=127.0.0.1 Mqtt__Brokers__0__Port=1883 Mqtt__Brokers__0__ClientId=equipment-gateway \
    Mqtt__Brokers__0__Subscriptions__0__Topic='sim/+/lp' Mqtt__Brokers__0__Subscriptions__0__Format=lineprotocol \
    Mqtt__Brokers__0__Subscriptions__1__Topic='spBv1.0/#' Mqtt__Brokers__0__Subscriptions__1__Format=sparkplugb \
    Mqtt__Brokers__0__Subscriptions__1__Kind=tbm Mqtt__Brokers__0__Subscriptions__1__Group='{group}' \
    Mqtt__Brokers__0__Subscriptions__1__KeepUnmappedFields=true
fi
STORES=${#PIDS[@]}
# Membership and grain state in Redis: the silos form one cluster and clients find them through it.
export Cluster__Storage=redis Cluster__Redis=127.0.0.1:6379 Cluster__Clustering=redis
# The gateway's write-ahead spool: what it acknowledged but InfluxDB does not have yet survives a restart here.
export Gateway__SpoolDirectory="$DATA/spool"
# The GB/T 32960 T-Box listener (TCP); trucks log in by the VIN set on their registration.
export Gbt32960__Port="${GBT32960_PORT:-32960}"

bin() { echo "$ROOT/$1/bin/Release/net10.0/$2.dll"; }

SILO_PIDS=()
for (( i=0; i<SILOS; i++ )); do
  log="$DATA/logs/silo.log"; [ "$SILOS" = 1 ] || log="$DATA/logs/silo-$((i+1)).log"
  (cd "$ROOT/silo/Equipment.Silo" && exec dotnet "$(bin silo/Equipment.Silo Equipment.Silo)" \
     --Cluster:SiloPort=$((11111+i)) --Cluster:GatewayPort=$((30000+i)) --Metrics:Port=$((9464+i))) >"$log" 2>&1 &
  SILO_PIDS+=($!)
done
for (( i=0; i<SILOS; i++ )); do wait_tcp 127.0.0.1 $((30000+i)) 60 "silo $((i+1))"; done

(cd "$ROOT/gateway/Equipment.Gateway" && exec dotnet "$(bin gateway/Equipment.Gateway Equipment.Gateway)") >"$DATA/logs/gateway.log" 2>&1 &
PIDS+=($!)
(cd "$ROOT/dashboard/Equipment.Dashboard" && exec dotnet "$(bin dashboard/Equipment.Dashboard Equipment.Dashboard)") >"$DATA/logs/dashboard.log" 2>&1 &
PIDS+=($!)
wait_http http://127.0.0.1:5080/health 60 "gateway"
wait_http http://127.0.0.1:5090/health 60 "dashboard"

SIM_STATE="off (--no-simulator)"
if [ "$SIMULATOR" = "1" ]; then
  SIM_DLL="$(bin gateway/Equipment.Simulator Equipment.Simulator)"
  # One simulator process: every second truck (--gbt-share 0.5) is a GB/T 32960 T-Box on the gateway's TCP listener.
  wait_tcp 127.0.0.1 "$Gbt32960__Port" 60 "GB/T 32960 listener"
  (cd "$ROOT" && exec dotnet "$SIM_DLL" --tbms "$TBMS" --trucks "$TRUCKS" --url http://127.0.0.1:5080 --dashboard http://127.0.0.1:5090 --token "$EQUIPMENT_DEV_TOKEN" \
     --gbt-share "$GBT_SHARE" --gbt-endpoint "127.0.0.1:$Gbt32960__Port") >"$DATA/logs/simulator.log" 2>&1 &
  SIM_PID=$!
  SIM_STATE="$TBMS TBMs and $TRUCKS trucks, share $GBT_SHARE of them GB/T 32960 T-Boxes (log: .data/logs/simulator.log)"
fi

MQTT_STATE="off (--mqtt starts one)"
if [ "$MQTT" = 1 ]; then
  SIM_DLL="$(bin gateway/Equipment.Simulator Equipment.Simulator)"
  (cd "$ROOT" && exec dotnet "$SIM_DLL" --tbms 2 --trucks 2 --seed 7 --id-prefix mqtt- --mqtt 127.0.0.1:1883 --quiet \
     --dashboard http://127.0.0.1:5090 --token "$EQUIPMENT_DEV_TOKEN") >"$DATA/logs/simulator-mqtt.log" 2>&1 &
  MQTT_SIM_PID=$!
  MQTT_STATE="127.0.0.1:1883 (Mosquitto; mqtt-tbm-01/02 as Sparkplug B, mqtt-truck-01/02 as line protocol; /stats/mqtt on the gateway)"
fi

cat <<INFO

Equipment is running.
  Dashboard   http://127.0.0.1:5090   (sign in with the dev token; REST: /api/equipment, /openapi/v1.json; Orleans: /orleans/)
  Gateway     http://127.0.0.1:5080   (InfluxDB write API: /api/v2/write, /write, /query, /ping; /stats, /metrics)
  GB/T 32960  tcp://0.0.0.0:$Gbt32960__Port  (T-Box listener)
  InfluxDB    $EQUIPMENT_INFLUX_URL   (database ${EQUIPMENT_INFLUX_DATABASE:-equipment})
  Redis       127.0.0.1:6379          (grain state, .data/redis)
  Silos       $SILOS (Orleans 127.0.0.1:11111…, client gateways 30000…, /metrics on 9464…; membership in Redis)
  Simulator   $SIM_STATE
  MQTT        $MQTT_STATE
  Dev token   $EQUIPMENT_DEV_TOKEN
  Logs        .data/logs/

Try: curl -XPOST 'http://127.0.0.1:5080/api/v2/write?org=equipment&bucket=equipment' \\
       -H "Authorization: Token $EQUIPMENT_DEV_TOKEN" --data-binary 'tbm,id=tbm-99,site=demo thrust_kn=12000,rpm=6'
     curl -H "Authorization: Bearer $EQUIPMENT_DEV_TOKEN" http://127.0.0.1:5090/api/equipment/tbm-99
Press Ctrl-C to stop.
INFO

# Stay up while everything runs. If a store, the gateway or the dashboard dies, say which and stop the rest.
# A silo may die while others carry on (its grains move to them); only when none is left does the platform stop.
# The simulator is only a data source: if it stops, the platform keeps running.
while true; do
  if [ -n "${MQTT_SIM_PID:-}" ] && ! kill -0 "$MQTT_SIM_PID" 2>/dev/null; then
    echo "The MQTT simulator stopped; see .data/logs/simulator-mqtt.log. The platform keeps running." >&2
    MQTT_SIM_PID=""
  fi
  if [ -n "${SIM_PID:-}" ] && ! kill -0 "$SIM_PID" 2>/dev/null; then
    echo "The simulator stopped; see .data/logs/simulator.log. The platform keeps running." >&2
    SIM_PID=""
  fi
  alive=0
  for (( i=0; i<${#SILO_PIDS[@]}; i++ )); do
    pid="${SILO_PIDS[$i]}"
    [ -n "$pid" ] || continue
    if kill -0 "$pid" 2>/dev/null; then alive=$((alive+1)); else echo "Silo $((i+1)) ($pid) exited; the cluster carries on without it." >&2; SILO_PIDS[$i]=""; fi
  done
  if [ "$alive" = 0 ]; then echo "No silo is left; see .data/logs/. Stopping." >&2; exit 1; fi
  for pid in "${PIDS[@]}"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "A platform process ($pid) exited; see .data/logs/. Stopping." >&2
      exit 1
    fi
  done
  sleep 1
done
