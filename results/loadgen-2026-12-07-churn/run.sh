#!/usr/bin/env bash
# churn experiment: counts per churned request, wrk vs ours, against nginx (measure-loadgen's config).
# usage: run.sh OUTDIR CONNS "tools" [JAR]   tools: wrk ours (ours-KEY=extra flags via OURS_FLAGS)
set -uo pipefail
OUT=$1; C=$2; TOOLS=$3; JAR=${4:-/work/h-churn/loadgen/target/mpmbench-loadgen.jar}
PORT=${PORT:-18080}; W=${W:-4}; PERF=${PERF:-1}
JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
URL="http://127.0.0.1:$PORT/hello"
mkdir -p "$OUT/nginx/html" "$OUT/nginx/tmp"
printf 'Hello, World!' > "$OUT/nginx/html/hello"
cat > "$OUT/nginx/nginx.conf" <<CONF
worker_processes 1;
worker_rlimit_nofile 30000;
pid $OUT/nginx/nginx.pid;
error_log $OUT/nginx/error.log;
events { worker_connections 20000; }
http {
  access_log off;
  keepalive_requests 1000000000;
  keepalive_timeout 65s;
  client_body_temp_path $OUT/nginx/tmp;
  proxy_temp_path $OUT/nginx/tmp;
  fastcgi_temp_path $OUT/nginx/tmp;
  uwsgi_temp_path $OUT/nginx/tmp;
  scgi_temp_path $OUT/nginx/tmp;
  server { listen 127.0.0.1:$PORT backlog=4096; root $OUT/nginx/html; location = /nginx_status { stub_status; } }
}
CONF
setsid taskset -c 0 /usr/sbin/nginx -c "$OUT/nginx/nginx.conf" -g 'daemon off;' > "$OUT/nginx/stdout" 2>&1 &
NGINX_PID=$!
trap 'kill -TERM $NGINX_PID 2>/dev/null; wait $NGINX_PID 2>/dev/null' EXIT
for _ in $(seq 50); do [[ "$(curl -s "$URL" 2>/dev/null)" == "Hello, World!" ]] && break; sleep 0.1; done
WORKER=$(pgrep -P "$NGINX_PID" | head -1)
echo "nginx master $NGINX_PID worker $WORKER" >&2

snap() { # snap FILE CLIENTPID CLIENTTID
  {
    echo "T $(date +%s.%N)"
    echo "S $(curl -s http://127.0.0.1:$PORT/nginx_status | awk 'NR==3 {print $1, $3}')"
    nstat -asz 2>/dev/null | awk 'NR>1 && $1 !~ /^#/ {print "N", $1, $2}'
    awk '/^cpu[01] /{print "C", $1, $2, $3, $4, $5, $6, $7, $8}' /proc/stat
    awk '/RES:|CAL:|LOC:|TLB:/{print "I", $1, $2, $3}' /proc/interrupts
    for cpu in 0 1; do echo "H cpu$cpu $(cat /sys/devices/system/cpu/cpu$cpu/cpuidle/state1/usage) $(cat /sys/devices/system/cpu/cpu$cpu/cpuidle/state1/time)"; done
    echo "P nginx $(cut -d' ' -f14,15 /proc/$WORKER/stat) $(cut -d' ' -f1,3 /proc/$WORKER/schedstat) $(awk '/ctxt_switches/{printf "%s ", $2}' /proc/$WORKER/status)"
    echo "P client $(cut -d' ' -f14,15 /proc/$2/task/$3/stat) $(cut -d' ' -f1,3 /proc/$2/task/$3/schedstat) $(awk '/ctxt_switches/{printf "%s ", $2}' /proc/$2/task/$3/status)"
    echo "P clientproc $(cut -d' ' -f14,15 /proc/$2/stat)"
    for k in 0 1; do kp=$(pgrep -x ksoftirqd/$k); echo "P ksoftirqd$k $(cut -d' ' -f14,15 /proc/$kp/stat) $(cut -d' ' -f1,3 /proc/$kp/schedstat)"; done
  } > "$1"
}

client_tid() { # PID TOOL
  local tid=""
  if [[ $2 == wrk ]]; then
    tid=$(for t in /proc/"$1"/task/*; do echo "$(cut -d' ' -f1 "$t/schedstat") ${t##*/}"; done | sort -n | tail -1 | cut -d' ' -f2)
  else
    for _ in $(seq 100); do
      tid=$(grep -l '^mpmbench-io-0$' /proc/"$1"/task/*/comm 2>/dev/null | head -1 | cut -d/ -f5)
      [[ -n $tid ]] && break; sleep 0.1
    done
  fi
  echo "$tid"
}

for tool in $TOOLS; do
  for mode in plain perf; do
    [[ $mode == perf && $PERF == 0 ]] && continue
    name="$tool-c$C-$mode"
    if [[ $tool == wrk ]]; then
      taskset -c 1 /usr/bin/wrk -t1 -c"$C" -d$((W + 8))s -H 'Connection: close' "$URL" > "$OUT/$name.out" 2>&1 &
      pid=$!; sleep 1.5
    else
      taskset -c 1 "$JAVA" -XX:+UseSerialGC ${JVM_EXTRA:-} -jar "$([[ $tool == ours ]] && echo "$JAR" || echo /tmp/churn-exp/$tool.jar)" -t1 -c"$C" -d$((W + 6))s --warmup 3s --io epoll --no-keepalive \
        ${OURS_FLAGS:-} --csv "$OUT/$name.csv" "$URL" > "$OUT/$name.out" 2>&1 &
      pid=$!; sleep 0.5
    fi
    tid=$(client_tid "$pid" "$tool")
    [[ $tool == wrk ]] || sleep 3.5
    if [[ $mode == plain ]]; then
      snap "$OUT/$name.a" "$pid" "$tid"
      sleep "$W"
      snap "$OUT/$name.b" "$pid" "$tid"
      ss -Htan state time-wait "( sport = :$PORT )" | wc -l > "$OUT/$name.tw-server"
      ss -Htan state time-wait "( dport = :$PORT )" | wc -l > "$OUT/$name.tw-client"
      ss -tni state established "( dport = :$PORT )" > "$OUT/$name.ss" 2>&1
      timeout 5 tcpdump -i lo -nn -s 96 -c 3000 -w "$OUT/$name.pcap" tcp port $PORT 2>/dev/null
    else
      snap "$OUT/$name.a" "$pid" "$tid"
      perf stat -x, -e 'syscalls:sys_enter_*' -p "$WORKER" -- sleep 3 2> "$OUT/$name.nginx.perf" &
      pp1=$!
      perf stat -x, -e 'syscalls:sys_enter_*' -t "$tid" -- sleep 3 2> "$OUT/$name.client.perf" &
      pp2=$!
      wait $pp1 $pp2
      snap "$OUT/$name.b" "$pid" "$tid"
    fi
    wait "$pid"
    sleep 2
  done
done
