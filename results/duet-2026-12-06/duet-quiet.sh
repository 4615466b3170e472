#!/usr/bin/env bash
# Prototype: duet measurement (Bulej et al., ICPE 2020) of two java-event servers sharing CPU 0 at the
# same time, each loaded by its own generator on CPU 1; per window: req/s and CPU per request of each,
# and their ratio B/A. Usage: duet.sh OUT WINDOWS [TOKENS_B]
set -u
OUT=$1 N=$2 TOK=${3:-0}
M=/work/main
mkdir -p "$OUT"
start() {  # start PORT PIDFILE [sets...]
  local port=$1 pf=$2; shift 2
  taskset -c 0 env MPMBENCH_NO_BUILD=1 /work/main/scripts/mpmbench serve --mpm event --listen 127.0.0.1:$port \
      --pidfile "$pf" --set MaxKeepAliveRequests=0 "$@" > "$OUT/serve-$port.log" 2>&1 &
  for i in $(seq 100); do curl -sf -o /dev/null http://127.0.0.1:$port/hello && return 0; sleep 0.2; done
  return 1
}
ticks() {  # ticks PIDFILE: utime+stime of the master's children
  local m; m=$(cat "$1")
  for c in $(pgrep -P "$m"); do awk '{print $14+$15}' /proc/$c/stat 2>/dev/null; done | awk '{s+=$1} END {print s+0}'
}
start 18101 /tmp/duetA.pid || exit 1
start 18102 /tmp/duetB.pid --set MpmbenchPlantCpu=$TOK || exit 1
load() {  # load PORT JSON DURATION
  taskset -c 1 env MPMBENCH_NO_BUILD=1 $M/scripts/mpmbench load -c16 -d$3 --warmup 1s --json "$2" http://127.0.0.1:$1/hello > /dev/null 2>&1
}
load 18101 /dev/null 4s & p1=$!; load 18102 /dev/null 4s & p2=$!; wait $p1 $p2   # warm both
echo "window,rps_a,rps_b,cpu_us_a,cpu_us_b,rps_ratio,cpu_ratio,load" > "$OUT/windows.csv"
for w in $(seq "$N"); do
  a0=$(ticks /tmp/duetA.pid) b0=$(ticks /tmp/duetB.pid)
  load 18101 "$OUT/a$w.json" 5s & p1=$!; load 18102 "$OUT/b$w.json" 5s & p2=$!; wait $p1 $p2
  a1=$(ticks /tmp/duetA.pid) b1=$(ticks /tmp/duetB.pid)
  ra=$(grep -o '"requests" *: *[0-9]*' "$OUT/a$w.json" | head -1 | grep -o '[0-9]*$')
  rb=$(grep -o '"requests" *: *[0-9]*' "$OUT/b$w.json" | head -1 | grep -o '[0-9]*$')
  wa=$(grep -o '"warmup_requests" *: *[0-9]*' "$OUT/a$w.json" | head -1 | grep -o '[0-9]*$')
  wb=$(grep -o '"warmup_requests" *: *[0-9]*' "$OUT/b$w.json" | head -1 | grep -o '[0-9]*$')
  # CPU over the whole generator run (warm-up included) against every request it answered
  awk -v w=$w -v ra=$ra -v rb=$rb -v ta=$((ra+wa)) -v tb=$((rb+wb)) -v ca=$((a1-a0)) -v cb=$((b1-b0)) -v l="$(cut -d' ' -f1 /proc/loadavg)" \
      'BEGIN { printf "%d,%.1f,%.1f,%.2f,%.2f,%.4f,%.4f,%s\n", w, ra/5, rb/5, ca*1e4/ta, cb*1e4/tb, rb/ra, (cb/tb)/(ca/ta), l }' >> "$OUT/windows.csv"
done
kill "$(cat /tmp/duetA.pid)" "$(cat /tmp/duetB.pid)"; sleep 1
awk -F, 'NR > 1 { n++; x = log($6); s += x; ss += x * x; y = log($7); t += y; tt += y * y }
  END { m = s / n; sd = sqrt((ss - n * m * m) / (n - 1)); m2 = t / n; sd2 = sqrt((tt - n * m2 * m2) / (n - 1))
        printf "windows %d: rps B/A %.4f, sd of log %.4f (half-width 95%% ~ %.4f); cpu B/A %.4f, sd of log %.4f\n", n, exp(m), sd, 2.1 * sd / sqrt(n), exp(m2), sd2 }' "$OUT/windows.csv"
