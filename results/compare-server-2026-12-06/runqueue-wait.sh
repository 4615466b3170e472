#!/bin/bash
# run-queue wait (schedstat field 2) and switches per request, target pinned to CPU 0, wrk -c16 on CPU 1
cd /work/main && . scripts/lib/peers.sh
run=/tmp/peer-sw; rm -rf $run; mkdir -p $run; peer_prepare_rundir $run
sums() { # pgid -> "cpu_ns wait_ns slices vol invol"
  for p in $(pgroup_members $1); do for t in /proc/$p/task/*; do
     echo "$(cat $t/schedstat 2>/dev/null) $(grep -h ctxt_switches $t/status 2>/dev/null | awk '{printf "%s ", $2}')"; done; done |
  awk '{c+=$1; w+=$2; s+=$3; v+=$4; i+=$5} END {printf "%.0f %.0f %.0f %.0f %.0f\n", c, w, s, v, i}'
}
for t in ${TARGETS:-httpd-event java-worker nginx}; do
  case $t in
    httpd-*) peer_start_httpd ${t#httpd-} 18182 $run >/dev/null;;
    nginx) peer_start_nginx 18182 $run >/dev/null;;
    java-*) MPMBENCH_NO_BUILD=1 peer_start_java ${t#java-} 18182 $run >/dev/null;;
  esac
  pid=$PEER_PID
  for p in $(pgroup_members $pid); do taskset -apc 0 $p >/dev/null; done
  taskset -c 1 wrk -t1 -c16 -d4s http://127.0.0.1:18182/hello >/dev/null
  b=$(sums $pid)
  out=$(taskset -c 1 wrk -t1 -c16 -d5s --latency http://127.0.0.1:18182/hello)
  a=$(sums $pid)
  reqs=$(echo "$out" | awk '/requests in/ {print $1}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}'); p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  echo "$t load $(cut -d' ' -f1 /proc/loadavg) reqs $reqs p50 $p50 p99 $p99 $(echo "$b $a $reqs" | awk '{r=$11; printf "cpu_us/req %.1f runq_wait_us/req %.1f vol/req %.2f invol/req %.3f", ($6-$1)/r/1e3, ($7-$2)/r/1e3, ($9-$4)/r, ($10-$5)/r}') procs $(pgroup_members $pid | wc -l)"
  peer_stop $pid 2>/dev/null; sleep 1
done
