# Shared by run.sh and test.sh: install what is missing, start a private InfluxDB, wait for ports.

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

APT_UPDATED=0
# ensure_apt COMMAND PACKAGE: installs the Debian package when the command is missing.
ensure_apt() {
  command -v "$1" >/dev/null 2>&1 && return 0
  [ -x "/usr/bin/$1" ] || [ -x "/usr/sbin/$1" ] && return 0
  echo "Installing $2 (Debian)…"
  if [ "$APT_UPDATED" = 0 ]; then as_root apt-get update -qq >/dev/null; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
}

ensure_dotnet() {
  command -v dotnet >/dev/null 2>&1 || { echo "The .NET 10 SDK is required (dotnet not found)." >&2; exit 1; }
}

# start_influxd DIR HTTP_PORT RPC_PORT LOG: a private influxd with its data under DIR, on loopback only.
start_influxd() {
  local dir="$1" port="$2" rpc="$3" log="$4"
  mkdir -p "$dir"
  cat >"$dir/influxdb.conf" <<CONF
reporting-disabled = true
bind-address = "127.0.0.1:$rpc"
[meta]
  dir = "$dir/meta"
[data]
  dir = "$dir/data"
  wal-dir = "$dir/wal"
  query-log-enabled = false
[monitor]
  store-enabled = false
[http]
  bind-address = "127.0.0.1:$port"
  log-enabled = false
[logging]
  level = "warn"
  suppress-logo = true
CONF
  local influxd; influxd="$(command -v influxd || echo /usr/bin/influxd)"
  "$influxd" -config "$dir/influxdb.conf" >"$log" 2>&1 &
  INFLUXD_PID=$!
}

# wait_http URL SECONDS NAME
wait_http() {
  local deadline=$((SECONDS + $2))
  until curl -fsS -o /dev/null "$1" 2>/dev/null; do
    if [ $SECONDS -ge $deadline ]; then echo "$3 did not come up at $1 within $2 s (see .data/logs/)" >&2; return 1; fi
    sleep 0.3
  done
}

# wait_tcp HOST PORT SECONDS NAME
wait_tcp() {
  local deadline=$((SECONDS + $3))
  until (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; do
    if [ $SECONDS -ge $deadline ]; then echo "$4 did not open $1:$2 within $3 s (see .data/logs/)" >&2; return 1; fi
    sleep 0.3
  done
}
