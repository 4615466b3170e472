#!/bin/bash
# A full TLS handshake per request against nginx, every client side by side: nginx with no session cache
# and no tickets (NGINX_RESUME=off in ../tls-2026-12-07-openssl/nginx-up.sh), so wrk's and h2load's
# offered sessions are refused and their handshakes are full, as ours with --tls-resume none are.
# nginx pinned to CPU 0, every client to CPU 1, -c16, ROUNDS interleaved rounds (A B C D A B C D):
#   wrk -H 'Connection: close'; h2load --h1 -H 'Connection: close' -n H2LOAD_N (a count: Debian 12's
#   h2load does not end a -D run whose server closes); openssl s_time -new, 16 processes side by side;
#   ours --tls-engine openssl --no-keepalive --tls-resume none after --warmup WU s.
# Per run: handshakes/s (= requests/s), nginx's count of new connections and of resumed ones (must be 0),
# CPU µs per handshake of the whole process (/usr/bin/time user+sys over all its requests; ours: JVM start
# and warm-up included) and ours over its window (client_cpu_us_per_req), errors, load average (1 min) before.
# usage: full-handshakes.sh   (env: ROUNDS=3 D=5 WU=5 H2LOAD_N=8000 PORT=28443 OUT=/tmp/full-hs JAR=loadgen/target/mpmbench-loadgen.jar)
set -u
W=$(cd "$(dirname "$0")/../.." && pwd)
ROUNDS=${ROUNDS:-3}; D=${D:-5}; WU=${WU:-5}; H2LOAD_N=${H2LOAD_N:-8000}; PORT=${PORT:-28443}; OUT=${OUT:-/tmp/full-hs}
JAR=${JAR:-$W/loadgen/target/mpmbench-loadgen.jar}
JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
# shellcheck source=../../scripts/lib/generator-jvm.sh
. "$W/scripts/lib/generator-jvm.sh"
AOT=$(generator_aot_cache /usr/lib/jvm/temurin-25-jdk-amd64 "$JAR") && [[ -f $AOT ]] && GENERATOR_JVM_OPTS+=("-XX:AOTCache=$AOT")
URL="https://127.0.0.1:$PORT/hello"
NGINX_RESUME=off
. "$W/results/tls-2026-12-07-openssl/nginx-up.sh"

logged() { awk '{n++; if ($1 == "r") r++} END {print n + 0, r + 0}' "$OUT/handshakes.log"; }
field() { awk -F, -v col="$2" 'NR==1 {for (i=1;i<=NF;i++) if ($i==col) c=i} END {print $c}' "$1"; }
echo "# $(date -u +%FT%TZ) commit $(git -C "$W" rev-parse --short HEAD) aot ${AOT:-none}"
echo "round client handshakes_per_s requests nginx_connections nginx_resumed cpu_us_per_hs_whole cpu_us_per_hs_window errors load1"
for r in $(seq "$ROUNDS"); do
  for client in wrk h2load s_time ours; do
    name="$client-$r"; csv="$OUT/$name.csv"; rm -f "$csv"
    load1=$(cut -d' ' -f1 /proc/loadavg)
    read -r n0 r0 < <(logged)
    case $client in
      wrk) /usr/bin/time -f '%U %S' -o "$OUT/$name.time" taskset -c 1 wrk -t1 -c16 "-d${D}s" -H 'Connection: close' "$URL" > "$OUT/$name.out" 2>&1 ;;
      h2load) /usr/bin/time -f '%U %S' -o "$OUT/$name.time" taskset -c 1 h2load --h1 -t1 -c16 -n "$H2LOAD_N" -H 'Connection: close' "$URL" > "$OUT/$name.out" 2>&1 ;;
      s_time) /usr/bin/time -f '%U %S' -o "$OUT/$name.time" taskset -c 1 bash -c 'for i in $(seq 16); do
          openssl s_time -connect "$1" -new -time "$2" -www /hello > "$3.$i" 2>&1 & done; wait; cat "$3".*' \
          _ "127.0.0.1:$PORT" "$D" "$OUT/$name.s_time" > "$OUT/$name.out" 2>&1 ;;
      ours) /usr/bin/time -f '%U %S' -o "$OUT/$name.time" taskset -c 1 "$JAVA" "${GENERATOR_JVM_OPTS[@]}" -jar "$JAR" -t1 -c16 \
          "-d${D}s" --warmup "${WU}s" --tls-engine openssl --no-keepalive --tls-resume none --csv "$csv" "$URL" > "$OUT/$name.out" 2>&1 ;;
    esac
    sleep 0.5 # nginx's last log lines
    read -r n1 r1 < <(logged)
    read -r u s < <(tail -1 "$OUT/$name.time")
    wcpu=-; err=0
    case $client in
      wrk) rps=$(sed -nE 's/^Requests\/sec:[[:space:]]*([0-9.]+).*/\1/p' "$OUT/$name.out")
           n=$(sed -nE 's/^[[:space:]]*([0-9]+) requests in .*/\1/p' "$OUT/$name.out")
           err=$(awk '/Socket errors:/ {gsub(/[^0-9]+/, " "); for (i = 1; i <= NF; i++) e += $i} /Non-2xx/ {e += $NF} END {print e + 0}' "$OUT/$name.out") ;;
      h2load) read -r n rps err < <(awk '/^finished in / {rps = $4}
           /^requests: .* succeeded/ {for (i = 2; i <= NF; i++) {if ($i ~ /^succeeded/) n = $(i - 1); if ($i ~ /^(failed|errored|timeout)/) e += $(i - 1)}}
           END {print n, rps, e + 0}' "$OUT/$name.out") ;;
      s_time) read -r n rps < <(awk '/ connections in [0-9]+ real seconds/ && $4 > 0 {n += $1; r += $1 / $4} END {printf "%d %.2f\n", n, r}' "$OUT/$name.out") ;;
      ours) [[ -s $csv ]] || { echo "$name produced no result (see $OUT/$name.out)" >&2; continue; }
            rps=$(field "$csv" rps); n=$(( $(field "$csv" requests) + $(field "$csv" warmup_requests) ))
            wcpu=$(field "$csv" client_cpu_us_per_req)
            for k in err_connect err_read err_write err_timeout err_status err_parse err_closed err_unsolicited warmup_errors; do
              err=$((err + $(field "$csv" $k))); done ;;
    esac
    whole=$(awk -v u="$u" -v s="$s" -v n="$n" 'BEGIN {printf "%.1f", (n > 0 ? (u+s)*1e6/n : -1)}')
    echo "$r $client $rps $n $((n1 - n0)) $((r1 - r0)) $whole $wcpu $err $load1"
  done
done
echo "# load average at the end: $(cat /proc/loadavg)"
