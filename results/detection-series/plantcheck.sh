#!/usr/bin/env bash
# In-server cost of the plant's loop (CpuPlant's sampled thread CPU time, /server-status?auto) against
# PlantCalibration's idle-JVM figure, and the whole process's CPU per request with and without it.
# Run from results/detection-series/ of a built tree. Server on CPU 0, generator on CPU 1, 16 connections, 8 s after a 3 s warm-up.
set -u
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"; cd "$ROOT"
PORT=18080
for mpm in event prefork; do
  for T in 0 1147 10000; do
    taskset -c 0 env MPMBENCH_NO_BUILD=1 scripts/mpmbench serve --mpm $mpm --listen 127.0.0.1:$PORT \
        --pidfile /tmp/pc.pid --set MpmbenchPlantCpu=$T > /tmp/pc-serve.log 2>&1 &
    for i in $(seq 100); do curl -sf -o /dev/null http://127.0.0.1:$PORT/hello && break; sleep 0.2; done
    pid=$(cat /tmp/pc.pid)
    taskset -c 1 env MPMBENCH_NO_BUILD=1 scripts/mpmbench load -c16 -d3s http://127.0.0.1:$PORT/hello > /dev/null 2>&1
    ch0=$(for c in $(pgrep -P $pid); do awk '{print $14+$15}' /proc/$c/stat; done | paste -sd+ | bc)
    out=$(taskset -c 1 env MPMBENCH_NO_BUILD=1 scripts/mpmbench load -c16 -d8s --json /tmp/pc.json http://127.0.0.1:$PORT/hello 2>&1)
    ch1=$(for c in $(pgrep -P $pid); do awk '{print $14+$15}' /proc/$c/stat; done | paste -sd+ | bc)
    rps=$(grep -o '"requests_per_sec" *: *[0-9.]*\|"rps" *: *[0-9.]*' /tmp/pc.json | head -1 | grep -o '[0-9.]*$')
    req=$(grep -o '"requests" *: *[0-9]*' /tmp/pc.json | head -1 | grep -o '[0-9]*$')
    st=$(curl -s "http://127.0.0.1:$PORT/server-status?auto" | grep Mpmbench | tr '\n' ' ')
    echo "$mpm tokens=$T rps=$rps children_cpu_us_per_req=$(echo "scale=2; ($ch1-$ch0)*10000/$req" | bc) $st load=$(cut -d' ' -f1 /proc/loadavg)"
    kill $pid; wait 2>/dev/null
  done
done
/usr/lib/jvm/temurin-25-jdk-amd64/bin/java -cp server/target/mpmbench-server.jar mpmbench.server.handler.PlantCalibration 1147 10000
