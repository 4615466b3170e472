#!/bin/bash
# Does the OpenSSL engine leak over a churn run? Ours with --tls-engine openssl (ENGINE), a full TLS handshake
# per request (--no-keepalive --tls-resume RESUME, default none), -t1 -c16 for D seconds (default 40) against
# nginx over TLS (nginx-up.sh, CPU 0; ours on CPU 1), the generator's resident set (RSS, KiB, from ps) every
# 5 s: flat after the first seconds = no SSL, SSL_CTX or SSL_SESSION left behind per connection.
# usage: rss-churn.sh   (env: D=40 ENGINE=openssl RESUME=none PORT=28443 OUT=/tmp/ossl-gen/rss JAR=...)
set -u
W=$(cd "$(dirname "$0")/../.." && pwd)
D=${D:-40}; ENGINE=${ENGINE:-openssl}; RESUME=${RESUME:-none}; PORT=${PORT:-28443}; OUT=${OUT:-/tmp/ossl-gen/rss}
JAR=${JAR:-$W/loadgen/target/mpmbench-loadgen.jar}
JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
. "$W/scripts/lib/generator-jvm.sh"
URL="https://127.0.0.1:$PORT/hello"
. "$(dirname "$0")/nginx-up.sh"
echo "load average at the start: $(cat /proc/loadavg)"
taskset -c 1 "$JAVA" "${GENERATOR_JVM_OPTS[@]}" -jar "$JAR" -t1 -c16 "-d${D}s" --no-keepalive --tls-resume "$RESUME" \
  --tls-engine "$ENGINE" --csv "$OUT/rss.csv" "$URL" > "$OUT/rss.out" 2>&1 & P=$!
for t in $(seq 5 5 "$D"); do
  sleep 5
  echo "t=${t}s rss_kib=$(ps -o rss= -p "$P" | tr -d ' ') nginx_connections=$(wc -l < "$OUT/handshakes.log")"
done
wait "$P"
grep -E "requests in|TLS|Requests/sec" "$OUT/rss.out"
echo "load average at the end: $(cat /proc/loadavg)"
