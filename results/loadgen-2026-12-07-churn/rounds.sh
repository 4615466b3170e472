#!/usr/bin/env bash
# rounds.sh OUT C N : N interleaved rounds of wrk, base, new (plain counts only)
OUT=$1; C=$2; N=$3
for r in $(seq $N); do
  for t in wrk base new; do
    PERF=0 W=4 timeout 60 /tmp/churn-exp/run.sh "$OUT/$r" "$C" "$t" >/dev/null 2>&1
    /tmp/churn-exp/an.sh "$OUT/$r" "$t-c$C-plain" | awk -v r=$r -v t=$t '/accepted by nginx/ {cps=$(NF-1)} /nginx   CPU/ {n=$3; nv=$(NF-3)} /client  CPU/ {c=$3} /client process/ {p=$4} END {printf "round %s %-5s conn/s %6d nginx %6.2f us/conn (vol %.3f) client thread %6.2f process %6.2f\n", r, t, cps, n, nv, c, p}'
    python3 /tmp/churn-exp/pcap.py "$OUT/$r/$t-c$C-plain.pcap" 18080 | sed -n 2p | cut -c1-20
  done
  echo "  $(uptime)"
done
