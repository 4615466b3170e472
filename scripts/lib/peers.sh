# shellcheck shell=bash
# Functions to start and stop the servers mpmbench is compared against (Apache httpd's
# MPMs, nginx) and mpmbench's own server. Source it:  . scripts/lib/peers.sh
#
# Start functions run the server in the background in a session of its own (setsid, so the whole
# process group can be signalled), as a child of the calling shell: call them directly, not in
# $(...), and read the master PID from $PEER_PID (it is also echoed on stdout). Messages go to
# stderr.
#
#   peer_start_httpd MPM PORT RUNDIR   MPM = prefork | worker | event
#   peer_start_nginx PORT RUNDIR
#   peer_start_java  MODEL PORT RUNDIR [mpmbench serve args...]
#   peer_stop PID                      SIGTERM to the group, up to 10 s, then SIGKILL
#
# Measuring the servers (rounds, pinning, /proc, medians) is the suite's job, not this file's:
# scripts/compare-server is `mpmbench suite --generator wrk`. Used by conformance-table and measure-agents.

PEERS_LIB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PEERS_SCRIPTS_DIR=$(dirname "$PEERS_LIB_DIR")
PEERS_CONF_DIR="$PEERS_SCRIPTS_DIR/peers"
PEER_READY_TIMEOUT=${PEER_READY_TIMEOUT:-10}         # seconds for httpd and nginx
PEER_JAVA_READY_TIMEOUT=${PEER_JAVA_READY_TIMEOUT:-180}  # may include building the jars
PEER_BYTES_SIZE=${PEER_BYTES_SIZE:-65536}             # size of RUNDIR/www/bytes
PEER_PID=""

peer_log() { echo "peers: $*" >&2; }

# True when something already listens on 127.0.0.1:PORT.
port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# HTTP status of GET http://127.0.0.1:PORT/PATH, or 000.
http_status() {
    curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$1$2" 2>/dev/null || true
}

# True while PID exists and is not a zombie.
pid_alive() {
    local stat
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    stat=${stat##*) }
    [[ ${stat:0:1} != Z ]]
}

# Live (non-zombie) members of process group PGID, one a line.
pgroup_members() {
    cat /proc/[0-9]*/stat 2>/dev/null | awk -v g="$1" '{
        pid = $1; s = $0; sub(/^.*\) /, "", s); split(s, a, " ")
        if (a[3] == g && a[1] != "Z") print pid }'
}

# Writes RUNDIR/www/hello (exactly "Hello, World!", 13 bytes) and RUNDIR/www/bytes, readable by
# www-data (httpd's children), and checks that www-data can reach them.
peer_prepare_rundir() {
    local run=$1
    mkdir -p "$run/www"
    printf 'Hello, World!' >"$run/www/hello"
    head -c "$PEER_BYTES_SIZE" /dev/zero | tr '\0' 'x' >"$run/www/bytes"
    chmod 755 "$run" "$run/www"
    chmod 644 "$run/www/hello" "$run/www/bytes"
    if id www-data >/dev/null 2>&1 && [[ $(id -u) -eq 0 ]] \
        && ! runuser -u www-data -- test -r "$run/www/hello"; then
        peer_log "www-data cannot read $run/www/hello (a parent directory is not searchable); use a run dir under /tmp"
        return 1
    fi
}

# Waits until the server (PID) answers GET /hello with 200 on PORT, at most TIMEOUT seconds,
# and, if a LOG and a PATTERN are given, until LOG contains PATTERN. Fails if PID dies first.
_peer_wait_ready() {   # PID PORT TIMEOUT [LOG PATTERN]
    local pid=$1 port=$2 timeout=$3 log=${4:-} pattern=${5:-} deadline
    deadline=$((SECONDS + timeout))
    while ((SECONDS < deadline)); do
        if ! pid_alive "$pid"; then
            return 1
        fi
        if [[ -z $pattern ]] || grep -qF -- "$pattern" "$log" 2>/dev/null; then
            [[ $(http_status "$port" /hello) == 200 ]] && return 0
        fi
        sleep 0.1
    done
    return 1
}

_peer_started() {   # PID NAME PORT LOGS...
    local pid=$1 name=$2 port=$3
    shift 3
    PEER_PID=$pid
    echo "$pid"
    peer_log "$name ready on 127.0.0.1:$port (pid $pid)"
}

_peer_failed() {   # PID NAME LOGS...
    local pid=$1 name=$2 f
    shift 2
    peer_log "$name did not become ready; last lines of its logs:"
    for f in "$@"; do
        [[ -s $f ]] && { echo "--- $f" >&2; tail -n 15 "$f" >&2; }
    done
    peer_stop "$pid" || true
    PEER_PID=""
    return 1
}

# peer_start_httpd MPM PORT RUNDIR: starts apache2 with scripts/peers/httpd-MPM.conf.
peer_start_httpd() {
    local mpm=$1 port=$2 run=$3 conf pid out
    conf="$PEERS_CONF_DIR/httpd-$mpm.conf"
    [[ -f $conf ]] || { peer_log "no httpd config for MPM '$mpm': $conf"; return 1; }
    port_in_use "$port" && { peer_log "port $port is already in use"; return 1; }
    peer_prepare_rundir "$run" || return 1
    out="$run/httpd-$mpm.out"
    rm -f "$run/httpd-$mpm.pid"
    : >"$run/httpd-$mpm-error.log"
    # apache2 reads APACHE_* variables only through apache2ctl; our config names every path.
    setsid apache2 -f "$conf" -DFOREGROUND \
        -C "Define PEER_PORT $port" -C "Define PEER_RUN $run" \
        -C "Define PEER_DOCROOT $run/www" -C "Define PEER_CONF $PEERS_CONF_DIR" \
        </dev/null >"$out" 2>&1 &
    pid=$!
    if _peer_wait_ready "$pid" "$port" "$PEER_READY_TIMEOUT"; then
        _peer_started "$pid" "httpd-$mpm" "$port"
    else
        _peer_failed "$pid" "httpd-$mpm" "$out" "$run/httpd-$mpm-error.log"
    fi
}

# peer_start_nginx PORT RUNDIR: renders scripts/peers/nginx.conf.template into RUNDIR and starts nginx.
peer_start_nginx() {
    local port=$1 run=$2 conf pid out
    port_in_use "$port" && { peer_log "port $port is already in use"; return 1; }
    peer_prepare_rundir "$run" || return 1
    conf="$run/nginx.conf"
    sed -e "s|@PORT@|$port|g" -e "s|@RUN@|$run|g" -e "s|@DOCROOT@|$run/www|g" \
        "$PEERS_CONF_DIR/nginx.conf.template" >"$conf"
    out="$run/nginx.out"
    : >"$run/nginx-error.log"
    setsid nginx -c "$conf" -g 'daemon off;' </dev/null >"$out" 2>&1 &
    pid=$!
    if _peer_wait_ready "$pid" "$port" "$PEER_READY_TIMEOUT"; then
        _peer_started "$pid" nginx "$port"
    else
        _peer_failed "$pid" nginx "$out" "$run/nginx-error.log"
    fi
}

# peer_start_java MODEL PORT RUNDIR [ARGS...]: starts scripts/mpmbench serve --mpm MODEL
# --listen 127.0.0.1:PORT ARGS..., ready when it printed "listening on 127.0.0.1:PORT" and
# GET /hello answers 200.
peer_start_java() {
    local model=$1 port=$2 run=$3 launcher pid out
    shift 3
    launcher="$PEERS_SCRIPTS_DIR/mpmbench"
    [[ -x $launcher ]] || { peer_log "$launcher is missing"; return 1; }
    port_in_use "$port" && { peer_log "port $port is already in use"; return 1; }
    mkdir -p "$run"
    out="$run/java-$model.out"
    setsid "$launcher" serve --mpm "$model" --listen "127.0.0.1:$port" "$@" \
        </dev/null >"$out" 2>&1 &
    pid=$!
    if _peer_wait_ready "$pid" "$port" "$PEER_JAVA_READY_TIMEOUT" "$out" "listening on 127.0.0.1:$port"; then
        _peer_started "$pid" "java-$model" "$port"
    else
        _peer_failed "$pid" "java-$model" "$out"
    fi
}

# peer_stop PID: SIGTERM to PID's process group (PID is a session leader started with setsid),
# waits up to 10 s for the whole group to exit, then SIGKILLs what is left.
peer_stop() {
    local pid=$1 i
    [[ -n $pid ]] || return 0
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do
        [[ -z $(pgroup_members "$pid") ]] && break
        sleep 0.1
    done
    if [[ -n $(pgroup_members "$pid") ]]; then
        peer_log "process group $pid still alive after 10 s, sending SIGKILL"
        kill -KILL -- "-$pid" 2>/dev/null || true
        for ((i = 0; i < 50; i++)); do
            [[ -z $(pgroup_members "$pid") ]] && break
            sleep 0.1
        done
    fi
    wait "$pid" 2>/dev/null || true   # reap it if it is our child
    [[ -z $(pgroup_members "$pid") ]]
}
