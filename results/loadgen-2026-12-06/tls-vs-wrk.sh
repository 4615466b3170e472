#!/bin/bash
# HTTPS against nginx (one worker, CPU 0): wrk vs ours on CPU 1, interleaved rounds, whole-process CPU
# (/usr/bin/time) and ours' window CPU; keep-alive -c64 and a full handshake per request -c16.
set -u
cd /work/main; . scripts/lib/jdk.sh; JAVA="$(find_java)/bin/java"; . scripts/lib/generator-jvm.sh
OUT=${OUT:-/tmp/tls-gen}; rm -rf $OUT; mkdir -p $OUT/www; printf 'Hello, World!' > $OUT/www/hello; chmod -R a+rX $OUT
scripts/make-test-cert $OUT/cert >/dev/null
PORT=18443
sed -e "s#@PORT@#$PORT#; s#@RUN@#$OUT#g; s#@DOCROOT@#$OUT/www#; s#@CERT@#$OUT/cert/cert.pem#; s#@KEY@#$OUT/cert/key.pem#" \
  scripts/peers/nginx-https.conf.template > $OUT/nginx.conf
setsid taskset -c 0 nginx -c $OUT/nginx.conf -g 'daemon off;' > $OUT/nginx.out 2>&1 & NG=$!
trap 'kill -TERM $NG; wait $NG' EXIT
sleep 1; curl -sk https://127.0.0.1:$PORT/hello; echo
JAR=loadgen/target/mpmbench-loadgen.jar; URL=https://127.0.0.1:$PORT/hello
D=${D:-8}; IOFLAG=${IOFLAG:-}; ROUNDS=${ROUNDS:-3}
for r in $(seq $ROUNDS); do
  for kind in ka churn; do
    c=64; wflags=(); oflags=(); [[ $kind == churn ]] && { c=16; wflags=(-H 'Connection: close'); oflags=(--no-keepalive --tls-resume none); }
    echo "load $(cut -d' ' -f1 /proc/loadavg)" >> $OUT/load.txt
    /usr/bin/time -f '%U %S' -o $OUT/$kind-wrk-$r.time taskset -c 1 wrk -t1 -c$c -d${D}s "${wflags[@]}" $URL > $OUT/$kind-wrk-$r.out 2>&1
    /usr/bin/time -f '%U %S' -o $OUT/$kind-ours-$r.time taskset -c 1 $JAVA "${GENERATOR_JVM_OPTS[@]}" -jar $JAR -t1 -c$c -d${D}s --warmup 5s "${oflags[@]}" $IOFLAG --csv $OUT/$kind-ours-$r.csv $URL > $OUT/$kind-ours-$r.out 2>&1
    wr=$(awk '/^Requests\/sec/ {print $2}' $OUT/$kind-wrk-$r.out); wn=$(awk '/requests in/ {print $1}' $OUT/$kind-wrk-$r.out)
    col() { awk -F, -v k=$2 'NR==1{for(i=1;i<=NF;i++) if($i==k) c=i} END{print $c}' $1; }
    orps=$(col $OUT/$kind-ours-$r.csv rps); on=$(( $(col $OUT/$kind-ours-$r.csv requests) + $(col $OUT/$kind-ours-$r.csv warmup_requests) ))
    echo "$kind r$r wrk $wr req/s $(awk -v n=$wn '{printf "%.1f", ($1+$2)*1e6/n}' $OUT/$kind-wrk-$r.time) us/req | ours $orps req/s whole $(awk -v n=$on '{printf "%.1f", ($1+$2)*1e6/n}' $OUT/$kind-ours-$r.time) us/req window $(col $OUT/$kind-ours-$r.csv client_cpu_us_per_req) us/req hs $(col $OUT/$kind-ours-$r.csv tls_handshakes) resumed $(col $OUT/$kind-ours-$r.csv tls_resumed) errors $(col $OUT/$kind-ours-$r.csv errors) wrk-errors $(grep -c 'Socket errors' $OUT/$kind-wrk-$r.out)"
  done
done | tee $OUT/table.txt
