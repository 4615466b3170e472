#!/usr/bin/env bash
# startup.sh — where the CPU of a user's short `mpmbench load` run goes, and which JVM options lower it
# (issue 26: the whole process of `load -t1 -c64 -d5s` against nginx at most 1.0× wrk's CPU per request).
#
# nginx (one worker, plain HTTP, a 13-byte /hello, no access log but one line for the first request of
# each connection) on CPU 0; the generator and wrk on CPU 1. Two parts (MODES):
#   breakdown: one run per variant with its threads' CPU read from /proc/PID/task/*/stat every 50 ms (the
#     last reading of each thread; what the process used after the last reading is "exit and threads
#     gone between readings"), the JIT's own account (-XX:+CITime), the classes loaded and where from
#     (-Xlog:class+load) and the JVM's start phases (-Xlog:startuptime). These flags cost a little
#     themselves: the breakdown's totals are not the A/B figures;
#   ab: ROUNDS interleaved rounds of wrk and of every variant, each `-t1 -c64 -dD s` (ours without
#     --warmup, as a user runs it) under /usr/bin/time: req/s, the whole process's CPU per request
#     (user + sys over all its requests), ours' CPU per request over its measured window
#     (client_cpu_us_per_req: JVM start and exit left out), the CPU outside that window (the whole
#     process's less the window's: the JVM's start before the first request and its exit, ms: a fixed cost
#     that a busy machine does not spread over fewer requests), the time from the launch to nginx's first
#     request, and the load average before each run.
# Variants (VARIANTS): base = the JVM options of 1a4f2b4 (-XX:+UseSerialGC); aot = base + the generator's
# AOT cache (scripts/lib/generator-jvm.sh's generator_aot_opts, made before the first run when missing);
# noperf = base + -XX:-UsePerfData; c1 = base + -XX:TieredStopAtLevel=1 (C1 only); aot-c1; aot-noperf;
# aot-nolink = base + a cache trained with -XX:-AOTClassLinking (made in OUT: JDK 25 leaves classes of
# class-file version < 50, picocli's, out of an AOT-linked cache); aot-noreplay = aot without the training's
# method profiles (-XX:+UnlockDiagnosticVMOptions -XX:-AOTReplayTraining: JEP 483's classes alone); shipped = what scripts/mpmbench starts a
# closed-model run with now.
# Prints Markdown; raw files in OUT. Exit: 0 done, 1 a run failed or a tool is missing, 2 bad input.
#
# Usage: results/loadgen-2026-12-07-startup/startup.sh
#        (env: MODES="breakdown ab" ROUNDS=3 D=5 VARIANTS="base aot" PORT=18090 OUT=dir JAR=loadgen/target/mpmbench-loadgen.jar)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=../../scripts/lib/generator-jvm.sh
. "$ROOT/scripts/lib/generator-jvm.sh"
# shellcheck source=../../scripts/lib/jdk.sh
. "$ROOT/scripts/lib/jdk.sh"
MODES=${MODES:-"breakdown ab"}
ROUNDS=${ROUNDS:-3}
D=${D:-5}
VARIANTS=${VARIANTS:-"base aot"}
PORT=${PORT:-18090}
JAR=${JAR:-"$ROOT/loadgen/target/mpmbench-loadgen.jar"}
OUT=${OUT:-$(mktemp -d /tmp/startup.XXXXXX)}
URL="http://127.0.0.1:$PORT/hello"
die() { echo "startup.sh: $*" >&2; exit 1; }
bad() { echo "startup.sh: $*" >&2; exit 2; }
for v in ROUNDS D PORT; do [[ ${!v} =~ ^[1-9][0-9]*$ ]] || bad "$v must be a whole number above 0, got '${!v}'"; done
for m in $MODES; do [[ $m == breakdown || $m == ab ]] || bad "MODES must list breakdown and/or ab, got '$m'"; done
JDK="$(find_java)" || die "no JDK >= $MIN_JAVA found"
JAVA="$JDK/bin/java"
[[ -f $JAR ]] || die "no $JAR (mvn -B -q -o package -DskipTests -pl loadgen -am)"
for t in /usr/sbin/nginx /usr/bin/wrk /usr/bin/time; do [[ -x $t ]] || die "$t not found"; done
mkdir -p "$OUT/nginx/html" "$OUT/nginx/tmp"

AOT=()
mapfile -t AOT < <(generator_aot_opts "$JDK" "$JAR")
variant_opts() { # NAME: the JVM options of a variant, one per line
  case $1 in
    base) printf '%s\n' -XX:+UseSerialGC ;;
    aot) printf '%s\n' -XX:+UseSerialGC "${AOT[@]}" ;;
    noperf) printf '%s\n' -XX:+UseSerialGC -XX:-UsePerfData ;;
    c1) printf '%s\n' -XX:+UseSerialGC -XX:TieredStopAtLevel=1 ;;
    aot-c1) printf '%s\n' -XX:+UseSerialGC -XX:TieredStopAtLevel=1 "${AOT[@]}" ;;
    aot-noperf) printf '%s\n' -XX:+UseSerialGC -XX:-UsePerfData "${AOT[@]}" ;;
    shipped) generator_jvm_opts; printf '%s\n' "${AOT[@]}" ;;
    aot-noreplay) printf '%s\n' -XX:+UseSerialGC "${AOT[@]}" -XX:+UnlockDiagnosticVMOptions -XX:-AOTReplayTraining ;;
    aot-nolink) printf '%s\n' -XX:+UseSerialGC "-XX:AOTCache=$(nolink_cache)" -Xlog:aot=off -Xlog:cds=off ;;
    *) return 1 ;;
  esac
}
# nolink_cache: a cache trained as generator_aot_opts trains it but with -XX:-AOTClassLinking (JDK 25 then
# keeps the classes of class-file version < 50, picocli's, which it leaves out of an AOT-linked cache), in OUT
nolink_cache() {
  local c="$OUT/nolink.aot"
  if [[ ! -f $c ]]; then
    "$JAVA" -XX:+UseSerialGC -XX:-AOTClassLinking "-XX:AOTCacheOutput=$c" -Xlog:aot=off -Xlog:cds=off -jar "$JAR" --aot-training \
      > /dev/null 2>&1 || die "the training run with -XX:-AOTClassLinking failed"
  fi
  printf '%s\n' "$c"
}
[[ " $VARIANTS " != *" aot-nolink "* ]] || nolink_cache > /dev/null
for v in $VARIANTS; do variant_opts "$v" > /dev/null || bad "VARIANTS: unknown '$v' (base aot noperf c1 aot-c1 aot-noperf aot-nolink aot-noreplay shipped)"; done
[[ " $VARIANTS " != *" aot"* || ${#AOT[@]} -gt 0 ]] || die "no AOT cache could be made for $JAR"

# ---- nginx, as scripts/measure-loadgen starts it, plus the log of each connection's first request ----
printf 'Hello, World!' > "$OUT/nginx/html/hello"
chmod -R a+rX "$OUT"
cat > "$OUT/nginx/nginx.conf" <<CONF
worker_processes 1;
worker_rlimit_nofile 30000;
pid $OUT/nginx/nginx.pid;
error_log $OUT/nginx/error.log;
events { worker_connections 20000; }
http {
  map \$connection_requests \$first_of_connection { 1 1; default 0; }
  log_format first '\$msec';
  access_log $OUT/nginx/first.log first if=\$first_of_connection;
  keepalive_requests 1000000000;
  keepalive_timeout 65s;
  client_body_temp_path $OUT/nginx/tmp;
  proxy_temp_path $OUT/nginx/tmp;
  fastcgi_temp_path $OUT/nginx/tmp;
  uwsgi_temp_path $OUT/nginx/tmp;
  scgi_temp_path $OUT/nginx/tmp;
  server { listen 127.0.0.1:$PORT backlog=4096; root $OUT/nginx/html; }
}
CONF
setsid taskset -c 0 /usr/sbin/nginx -c "$OUT/nginx/nginx.conf" -g 'daemon off;' > "$OUT/nginx/stdout" 2>&1 &
NGINX_PID=$!
trap 'kill -TERM "$NGINX_PID" 2>/dev/null || true; wait "$NGINX_PID" 2>/dev/null || true' EXIT
for _ in $(seq 50); do [[ "$(curl -s "$URL" 2>/dev/null || true)" == "Hello, World!" ]] && break; sleep 0.1; done
[[ "$(curl -s "$URL")" == "Hello, World!" ]] || die "nginx did not come up on $URL (see $OUT/nginx)"
sleep 0.5  # an nginx of an earlier run still on the port answers the check while ours could not bind
kill -0 "$NGINX_PID" 2> /dev/null || die "nginx exited (port $PORT taken? see $OUT/nginx/error.log)"

load_avg() { cut -d' ' -f1-3 /proc/loadavg; }
requests_of() { sed -nE 's/^[[:space:]]*([0-9]+) requests in .*/\1/p' "$1"; }
rps_of() { sed -nE 's/^Requests\/sec:[[:space:]]*([0-9.]+).*/\1/p' "$1"; }
csv_field() { awk -F, -v col="$2" 'NR==1 {for (i=1;i<=NF;i++) if ($i==col) c=i} END {print $c}' "$1"; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
range() { sort -g | awk 'NR==1 {lo=$1} {hi=$1} END {print lo "–" hi}'; }
# first_ms LAUNCH_EPOCH_S: ms from the launch to nginx's first request of the run (its log is emptied before)
first_ms() { awk -v t0="$1" 'NR==1 || $1 < m {m=$1} END {if (NR) printf "%.0f\n", (m-t0)*1000; else print "-"}' "$OUT/nginx/first.log"; }

# command NAME TOOL EXTRA... : the command line of wrk or of a variant (ours with --csv OUT/NAME.csv)
command_of() {
  local name=$1 tool=$2; shift 2
  if [[ $tool == wrk ]]; then
    printf '%s\n' /usr/bin/wrk -t1 -c64 "-d${D}s" "$URL"
  else
    variant_opts "$tool"; printf '%s\n' "$@" -jar "$JAR" -t1 -c64 "-d${D}s" --csv "$OUT/$name.csv" "$URL"
  fi
}

# ---- breakdown: per-thread CPU, the JIT's and the class loader's account ----
# sample PID FILE: the threads' stat lines every 50 ms until PID is gone (on CPU 0, beside nginx)
sample() {
  taskset -p -c 0 "$BASHPID" > /dev/null
  while kill -0 "$1" 2> /dev/null; do
    cat /proc/"$1"/task/*/stat >> "$2" 2> /dev/null || true
    sleep 0.05
  done
}
# threads FILE: "name cpu_ms threads" per thread name, from the last reading of each thread (10 ms ticks)
threads() {
  awk '{ o = index($0, "("); c = 0; for (i = length($0); i > 0; i--) if (substr($0, i, 1) == ")") { c = i; break }
         comm = substr($0, o + 1, c - o - 1); split(substr($0, c + 2), f, " ")
         t[$1] = (f[12] + f[13]) * 10; n[$1] = comm }
       END { for (tid in t) { s[n[tid]] += t[tid]; k[n[tid]]++ } for (x in s) printf "%s\t%d\t%d\n", x, s[x], k[x] }' "$1" \
    | sort -t$'\t' -k2,2nr
}
if [[ " $MODES " == *" breakdown "* ]]; then
  echo "breakdown: one run of each of: $VARIANTS, -t1 -c64 -d${D}s, threads read every 50 ms ..." >&2
  echo "## Where the CPU of one -t1 -c64 -d${D}s run goes ($(date -u +%Y-%m-%dT%H:%MZ), load average $(load_avg))"
  for v in $VARIANTS; do
    name="breakdown-$v"
    mapfile -t cmd < <(command_of "$name" "$v" -XX:+CITime "-Xlog:class+load=info:file=$OUT/$name.classes:uptime" \
      "-Xlog:startuptime=info:file=$OUT/$name.startuptime:uptime")
    : > "$OUT/nginx/first.log"; : > "$OUT/$name.stat"
    t0=$(date +%s.%N)
    /usr/bin/time -f '%U %S %M' -o "$OUT/$name.time" taskset -c 1 "$JAVA" "${cmd[@]}" > "$OUT/$name.out" 2>&1 &
    tpid=$!
    jpid=""
    for _ in $(seq 200); do jpid=$(pgrep -P "$tpid" || true); [[ -n $jpid ]] && break; sleep 0.005; done
    [[ -n $jpid ]] && sample "$jpid" "$OUT/$name.stat" &
    spid=$!
    wait "$tpid" || true
    wait "$spid" || true
    read -r u s rss < <(tail -1 "$OUT/$name.time")
    n=$(requests_of "$OUT/$name.out")
    [[ -n $n && $n -gt 0 ]] || die "$name produced no result (see $OUT/$name.out)"
    threads "$OUT/$name.stat" > "$OUT/$name.threads"
    seen=$(awk -F'\t' '{s += $2} END {print s + 0}' "$OUT/$name.threads")
    total=$(awk -v u="$u" -v s="$s" 'BEGIN {printf "%.0f", (u + s) * 1000}')
    echo
    echo "### $v: $(variant_opts "$v" | paste -sd' ')"
    echo
    echo "$n requests, user ${u} s, sys ${s} s, peak RSS $((rss / 1024)) MB, first request $(first_ms "$t0") ms after the launch;" \
      "window CPU $(csv_field "$OUT/$name.csv" client_cpu_us_per_req) µs/request; the whole process $(awk -v t="$total" -v n="$n" 'BEGIN {printf "%.2f", t * 1000 / n}') µs/request"
    echo
    echo "| thread (comm) | CPU ms | threads | µs per request |"
    echo "|---|---:|---:|---:|"
    awk -F'\t' -v n="$n" '{printf "| %s | %d | %d | %.2f |\n", $1, $2, $3, $2 * 1000 / n}' "$OUT/$name.threads"
    echo "| exit, and threads gone between readings | $((total - seen)) | | $(awk -v t="$((total - seen))" -v n="$n" 'BEGIN {printf "%.2f", t * 1000 / n}') |"
    echo "| **whole process** (/usr/bin/time) | $total | | $(awk -v t="$total" -v n="$n" 'BEGIN {printf "%.2f", t * 1000 / n}') |"
    echo
    cls="$OUT/$name.classes"
    echo "Classes loaded: $(wc -l < "$cls") — from the CDS/AOT archive $(grep -c 'shared objects file' "$cls" || true)," \
      "from the JDK's modules $(grep -c 'source: jrt:/' "$cls" || true), from the jar $(grep -c 'source: file:\|source: jar:' "$cls" || true)," \
      "generated at run time (lambdas, proxies, other) $(grep -vc 'shared objects file\|source: jrt:/\|source: file:\|source: jar:' "$cls" || true);" \
      "the I/O loop's class loaded at $(grep -m1 'SingleThreadSelectorLoop ' "$cls" | sed -nE 's/^\[([0-9.]+s)\].*/\1/p') of uptime."
    echo
    echo "JIT (-XX:+CITime): $(grep -E '^ *(C1|C2) \{speed|Total compilation time|nmethod code size' "$OUT/$name.out" | tr -s ' ' | paste -sd';' | cut -c1-400)"
    echo
    echo "Start phases (-Xlog:startuptime, wall time): $(sed -nE 's/^\[([0-9.]+s)\] (Genesis|Initialize module system|Create VM), ([0-9.]+) secs/\2 \3 s (at \1)/p' "$OUT/$name.startuptime" | paste -sd';' | sed 's/;/; /g')"
  done
  echo
fi

# ---- ab: interleaved rounds, whole process and window ----
if [[ " $MODES " == *" ab "* ]]; then
  tools="wrk $VARIANTS"
  echo "ab: $ROUNDS interleaved rounds of: $tools, -t1 -c64 -d${D}s ..." >&2
  for t in $tools; do : > "$OUT/ab-$t.rows"; done
  for r in $(seq "$ROUNDS"); do
    for t in $tools; do
      name="ab-$t-$r"
      mapfile -t cmd < <(command_of "$name" "$t")
      la=$(load_avg)
      : > "$OUT/nginx/first.log"
      t0=$(date +%s.%N)
      if [[ $t == wrk ]]; then
        /usr/bin/time -f '%U %S %M' -o "$OUT/$name.time" taskset -c 1 "${cmd[@]}" > "$OUT/$name.out" 2>&1 || true
      else
        /usr/bin/time -f '%U %S %M' -o "$OUT/$name.time" taskset -c 1 "$JAVA" "${cmd[@]}" > "$OUT/$name.out" 2>&1 || true
      fi
      first=$(first_ms "$t0")
      read -r u s _ < <(tail -1 "$OUT/$name.time")
      n=$(requests_of "$OUT/$name.out"); rps=$(rps_of "$OUT/$name.out")
      [[ -n $n && $n -gt 0 && -n $rps ]] || die "$name produced no result (see $OUT/$name.out)"
      win="-"; outside="-"
      if [[ $t != wrk ]]; then
        win=$(csv_field "$OUT/$name.csv" client_cpu_us_per_req)
        outside=$(awk -v u="$u" -v s="$s" -v wu="$(csv_field "$OUT/$name.csv" client_cpu_user_s)" \
          -v ws="$(csv_field "$OUT/$name.csv" client_cpu_sys_s)" 'BEGIN {printf "%.0f", (u + s - wu - ws) * 1000}')
      fi
      # rps whole_us user_us sys_us window_us first_ms load1 outside_ms
      awk -v rps="$rps" -v u="$u" -v s="$s" -v n="$n" -v w="$win" -v f="$first" -v la="${la%% *}" -v o="$outside" \
        'BEGIN {printf "%s %.3f %.3f %.3f %s %s %s %s\n", rps, (u+s)*1e6/n, u*1e6/n, s*1e6/n, w, f, la, o}' >> "$OUT/ab-$t.rows"
      echo "  round $r $t: $rps req/s, user ${u} s sys ${s} s, $n requests, window ${win} µs/req, outside it ${outside} ms, first request ${first} ms, load $la" >&2
      echo "$r $t $rps $u $s $n $win $first $la" >> "$OUT/ab.raw"
    done
  done
  col() { awk -v c="$2" '{print $c}' "$OUT/ab-$1.rows"; }
  cell() { local m; m=$(col "$1" "$2" | median); printf '%s (%s)' "$m" "$(col "$1" "$2" | range)"; }
  echo "## Whole process of -t1 -c64 -d${D}s, $ROUNDS interleaved rounds ($(date -u +%Y-%m-%dT%H:%MZ)), median (min–max)"
  echo
  echo "Load average (1 min) before the runs: $(awk '{print $9}' "$OUT/ab.raw" | range); $(nproc) CPUs, $("$JAVA" -version 2>&1 | head -1)."
  echo
  echo "| tool | req/s | whole process µs/request (user + sys) | user µs/req | sys µs/req | window µs/request | CPU outside the window (start, exit), ms | first request, ms after launch | whole CPU vs wrk | req/s vs wrk |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  wc_=$(col wrk 2 | median); wr=$(col wrk 1 | median)
  for t in $tools; do
    label=$t; [[ $t == wrk ]] || label="$t: $(variant_opts "$t" | paste -sd' ' | sed "s|$JAR|JAR|; s|-XX:AOTCache=[^ ]*|-XX:AOTCache=…|")"
    w="–"; o="–"; [[ $t == wrk ]] || { w=$(cell "$t" 5); o=$(cell "$t" 8); }
    echo "| $label | $(cell "$t" 1) | $(cell "$t" 2) | $(cell "$t" 3) | $(cell "$t" 4) | $w | $o | $(cell "$t" 6) |" \
      "$(awk -v a="$(col "$t" 2 | median)" -v b="$wc_" 'BEGIN {printf "%.2f×", a/b}') | $(awk -v a="$(col "$t" 1 | median)" -v b="$wr" 'BEGIN {printf "%.2f×", a/b}') |"
  done
  echo
  echo "Ratios round by round (the same round's wrk run as the reference: the machine's drift cancels):"
  echo
  echo "| tool | whole CPU/request vs wrk, per round | median | req/s vs wrk, per round | median |"
  echo "|---|---|---|---|---|"
  for t in $VARIANTS; do
    cpu=$(paste <(col "$t" 2) <(col wrk 2) | awk '{printf "%.2f\n", $1/$2}')
    rr=$(paste <(col "$t" 1) <(col wrk 1) | awk '{printf "%.2f\n", $1/$2}')
    echo "| $t | $(paste -sd' ' <<< "$cpu") | $(median <<< "$cpu") | $(paste -sd' ' <<< "$rr") | $(median <<< "$rr") |"
  done
fi
echo
echo "Raw output: $OUT"
