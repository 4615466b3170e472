#!/bin/bash
# A/B of the generator's CPU per full TLS handshake against nginx (TLS 1.3, EC P-256 cert), nginx on CPU 0, generator on CPU 1.
# usage: ab.sh ORDER...   e.g. ab.sh A B C A B C   (A before.jar, B after.jar, C after.jar --tls-groups jdk)
set -u
W=$(cd "$(dirname "$0")/../.." && pwd); OUT=/tmp/tlsgen/run; PORT=28443
JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
PIN=${PIN:-taskset -c 1}
mkdir -p $OUT/www; printf 'Hello, World!' > $OUT/www/hello; chmod -R a+rX $OUT
$W/scripts/make-test-cert $OUT/cert >/dev/null
sed -e "s#@PORT@#$PORT#; s#@RUN@#$OUT#g; s#@DOCROOT@#$OUT/www#; s#@CERT@#$OUT/cert/cert.pem#; s#@KEY@#$OUT/cert/key.pem#" \
  -e "s#^http {#http {\n    client_body_temp_path $OUT; proxy_temp_path $OUT; fastcgi_temp_path $OUT; uwsgi_temp_path $OUT; scgi_temp_path $OUT;#" \
  $W/scripts/peers/nginx-https.conf.template > $OUT/nginx.conf
setsid taskset -c 0 nginx -c $OUT/nginx.conf -g 'daemon off;' > $OUT/nginx.out 2>&1 & NG=$!
trap 'kill -TERM $NG; wait $NG; rm -f $OUT/cert/key.pem' EXIT
sleep 1
echo "load at start: $(cat /proc/loadavg)"
i=0
for v in "$@"; do
  i=$((i+1))
  case $v in
    A) jar=/tmp/tlsgen/before.jar; extra=() ;;
    B) jar=/tmp/tlsgen/after.jar; extra=() ;;
    C) jar=/tmp/tlsgen/after.jar; extra=(--tls-groups jdk) ;;
  esac
  csv=$OUT/$i-$v.csv; rm -f $csv
  /usr/bin/time -f '%U %S' -o $OUT/$i-$v.time $PIN $JAVA -XX:+UseSerialGC -jar $jar -t1 -c16 -d${D:-10}s --warmup ${WU:-5}s \
    --no-keepalive --tls-resume none "${extra[@]}" --csv $csv https://127.0.0.1:$PORT/hello > $OUT/$i-$v.out 2>&1
  read -r u s < $OUT/$i-$v.time
  python3 - "$csv" "$u" "$s" "$v" <<'PY'
import csv,sys
r=list(csv.DictReader(open(sys.argv[1])))[-1]
u,s=float(sys.argv[2]),float(sys.argv[3])
n=int(r['requests'])+int(r['warmup_requests'])
print(f"{sys.argv[4]}: window {float(r['client_cpu_us_per_req']):.0f} us/handshake, {float(r['rps']):.0f} handshakes/s, "
      f"hs {r['tls_handshakes']} resumed {r['tls_resumed']} errors {r['err_connect']}; whole process {(u+s)*1e6/n:.0f} us/handshake ({u}+{s} s, {n} requests)")
PY
done
echo "load at end: $(cat /proc/loadavg)"
