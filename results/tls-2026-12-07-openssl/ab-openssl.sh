#!/bin/bash
# wrk against our generator on JSSE and on OpenSSL (--tls-engine), side by side, over HTTPS against nginx
# (scripts/peers/nginx-https.conf.template: one worker, TLS 1.2/1.3, session cache and tickets, an EC P-256
# certificate from scripts/make-test-cert), nginx pinned to CPU 0 and every client to CPU 1, in ROUNDS
# interleaved rounds (A B A B): first a new connection (a handshake) per request, -c16, then keep-alive, -c64.
#   churn:     wrk -H 'Connection: close' (OpenSSL; offers its connection's last session: resumed handshakes),
#              ours --no-keepalive --tls-resume none on jsse and on openssl (full handshakes), and on openssl
#              with --tls-resume ticket (resumed, wrk's kind of handshake)
#   keepalive: wrk, ours on jsse and on openssl
# Per run: requests/s (= handshakes/s under churn), nginx's count of new connections and resumed ones
# ($ssl_session_reused, one log line per connection), CPU per request of the whole process (/usr/bin/time
# user+sys over all its requests; ours: warm-up and JVM start included) and ours over its window only
# (client_cpu_us_per_req), errors, and the load average (1 min) before the run.
# usage: ab-openssl.sh   (env: ROUNDS=2 D=5 WU=5 PORT=28443 OUT=/tmp/ossl-gen/run JAR=loadgen/target/mpmbench-loadgen.jar)
set -u
W=$(cd "$(dirname "$0")/../.." && pwd)
ROUNDS=${ROUNDS:-2}; D=${D:-5}; WU=${WU:-5}; PORT=${PORT:-28443}; OUT=${OUT:-/tmp/ossl-gen/run}
JAR=${JAR:-$W/loadgen/target/mpmbench-loadgen.jar}
JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
# shellcheck source=../../scripts/lib/generator-jvm.sh
. "$W/scripts/lib/generator-jvm.sh"
URL="https://127.0.0.1:$PORT/hello"
. "$(dirname "$0")/nginx-up.sh"

logged() { awk '{n++; if ($1 == "r") r++} END {print n + 0, r + 0}' "$OUT/handshakes.log"; }
field() { awk -F, -v col="$2" 'NR==1 {for (i=1;i<=NF;i++) if ($i==col) c=i} END {print $c}' "$1"; }
echo "round kind client rps nginx_connections nginx_resumed cpu_us_per_req_whole cpu_us_per_req_window ours_handshakes ours_resumed errors load1"
for kind in churn keepalive; do
  if [[ $kind == churn ]]; then clients="wrk jsse-full openssl-full openssl-resumed"; c=16; else clients="wrk jsse openssl"; c=64; fi
  for r in $(seq "$ROUNDS"); do
    for client in $clients; do
      name="$kind-$client-$r"; csv="$OUT/$name.csv"; rm -f "$csv"
      load1=$(cut -d' ' -f1 /proc/loadavg)
      read -r n0 r0 < <(logged)
      if [[ $client == wrk ]]; then
        flags=(); [[ $kind == churn ]] && flags=(-H 'Connection: close')
        /usr/bin/time -f '%U %S' -o "$OUT/$name.time" taskset -c 1 wrk -t1 "-c$c" "-d${D}s" "${flags[@]}" "$URL" > "$OUT/$name.out" 2>&1
      else
        engine=${client%%-*}; flags=(--tls-engine "$engine")
        case $client in *-full) flags+=(--no-keepalive --tls-resume none) ;; *-resumed) flags+=(--no-keepalive --tls-resume ticket) ;; esac
        /usr/bin/time -f '%U %S' -o "$OUT/$name.time" taskset -c 1 "$JAVA" "${GENERATOR_JVM_OPTS[@]}" -jar "$JAR" -t1 "-c$c" \
          "-d${D}s" --warmup "${WU}s" "${flags[@]}" --csv "$csv" "$URL" > "$OUT/$name.out" 2>&1
      fi
      sleep 0.5 # nginx's last log lines
      read -r n1 r1 < <(logged)
      read -r u s < <(tail -1 "$OUT/$name.time")
      if [[ $client == wrk ]]; then
        rps=$(sed -nE 's/^Requests\/sec:[[:space:]]*([0-9.]+).*/\1/p' "$OUT/$name.out")
        n=$(sed -nE 's/^[[:space:]]*([0-9]+) requests in .*/\1/p' "$OUT/$name.out")
        err=$(awk '/Socket errors:/ {gsub(/[^0-9]+/, " "); for (i = 1; i <= NF; i++) e += $i} /Non-2xx/ {e += $NF} END {print e + 0}' "$OUT/$name.out")
        wcpu=-; hs=-; res=-
      else
        [[ -s $csv ]] || { echo "$name produced no result (see $OUT/$name.out)" >&2; continue; }
        rps=$(field "$csv" rps); n=$(( $(field "$csv" requests) + $(field "$csv" warmup_requests) ))
        wcpu=$(field "$csv" client_cpu_us_per_req); hs=$(field "$csv" tls_handshakes); res=$(field "$csv" tls_resumed)
        err=0; for k in err_connect err_read err_write err_timeout err_status err_parse err_closed err_unsolicited warmup_errors; do
          err=$((err + $(field "$csv" $k))); done
      fi
      whole=$(awk -v u="$u" -v s="$s" -v n="$n" 'BEGIN {printf "%.1f", (n > 0 ? (u+s)*1e6/n : -1)}')
      echo "$r $kind $client $rps $((n1 - n0)) $((r1 - r0)) $whole $wcpu $hs $res $err $load1"
    done
  done
done
echo "load average at the end: $(cat /proc/loadavg)"
