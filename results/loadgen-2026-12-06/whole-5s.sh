#!/bin/bash
# The whole process of a 5 s run as a user times it: wrk, ours at f37c50d (two weeks ago), ours nio, ours epoll;
# nginx (plain, one worker) on CPU 0, generators on CPU 1, 3 interleaved rounds, no warm-up flag (a user's load -d5s).
cd /work/main; . scripts/lib/jdk.sh; JAVA="$(find_java)/bin/java"; . scripts/lib/generator-jvm.sh
OUT=/tmp/whole5; rm -rf $OUT; mkdir -p $OUT/www $OUT/tmp; printf 'Hello, World!' > $OUT/www/hello; chmod -R a+rX $OUT
cat > $OUT/nginx.conf <<CONF
worker_processes 1; pid $OUT/nginx.pid; error_log $OUT/error.log; events { worker_connections 20000; }
http { access_log off; keepalive_requests 1000000000; keepalive_timeout 65s; client_body_temp_path $OUT/tmp;
  server { listen 127.0.0.1:18099 backlog=4096; root $OUT/www; } }
CONF
setsid taskset -c 0 nginx -c $OUT/nginx.conf -g 'daemon off;' > /dev/null 2>&1 & NG=$!; trap 'kill $NG' EXIT; sleep 1
URL=http://127.0.0.1:18099/hello
for r in 1 2 3; do
  for t in wrk old nio epoll; do
    case $t in
      wrk) cmd=(wrk -t1 -c64 -d5s $URL);;
      old) cmd=($JAVA "${GENERATOR_JVM_OPTS[@]}" -jar /tmp/wt-old/loadgen/target/mpmbench-loadgen.jar -t1 -c64 -d5s $URL);;
      *) cmd=($JAVA "${GENERATOR_JVM_OPTS[@]}" -jar loadgen/target/mpmbench-loadgen.jar -t1 -c64 -d5s --io $t $URL);;
    esac
    /usr/bin/time -f '%U %S' -o $OUT/$t-$r.time taskset -c 1 "${cmd[@]}" > $OUT/$t-$r.out 2>&1
    n=$(awk '/requests in/ {print $1; exit}' $OUT/$t-$r.out); rps=$(awk '/^Requests\/sec/ {print $2}' $OUT/$t-$r.out)
    echo "$t r$r $rps req/s $(awk -v n=$n '{printf "%.2f us/req (user %s sys %s)", ($1+$2)*1e6/n, $1, $2}' $OUT/$t-$r.time) load $(cut -d' ' -f1 /proc/loadavg)"
  done
done
