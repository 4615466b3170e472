#!/bin/bash
# JFR profile of our generator making a full TLS handshake per request against nginx (CPU 0), generator on CPU 1.
set -u
cd /work/main; . scripts/lib/jdk.sh; JDK="$(find_java)"; JAVA="$JDK/bin/java"; . scripts/lib/generator-jvm.sh
OUT=/tmp/jfr-tls; rm -rf $OUT; mkdir -p $OUT/www; printf 'Hello, World!' > $OUT/www/hello; chmod -R a+rX $OUT
scripts/make-test-cert $OUT/cert >/dev/null
PORT=18443
sed -e "s#@PORT@#$PORT#; s#@RUN@#$OUT#g; s#@DOCROOT@#$OUT/www#; s#@CERT@#$OUT/cert/cert.pem#; s#@KEY@#$OUT/cert/key.pem#" \
  scripts/peers/nginx-https.conf.template > $OUT/nginx.conf
setsid taskset -c 0 nginx -c $OUT/nginx.conf -g 'daemon off;' > $OUT/nginx.out 2>&1 & NG=$!
trap 'kill -TERM $NG; wait $NG' EXIT
sleep 1
taskset -c 1 $JAVA "${GENERATOR_JVM_OPTS[@]}" -XX:StartFlightRecording=filename=$OUT/lg.jfr,settings=profile \
  -jar loadgen/target/mpmbench-loadgen.jar -t1 -c16 -d15s --warmup 5s --no-keepalive --tls-resume ${RESUME:-none} \
  --csv $OUT/lg.csv https://127.0.0.1:$PORT/hello > $OUT/lg.out 2>&1
cat $OUT/lg.out | tail -5
$JDK/bin/jfr view --width 200 hot-methods $OUT/lg.jfr > $OUT/hot.txt 2>&1
$JDK/bin/jfr print --events jdk.ExecutionSample --stack-depth 64 $OUT/lg.jfr > $OUT/samples.txt
