#!/usr/bin/env bash
# Paired planted runs: java-event planted by EFFECT, java-prefork unplanted beside it (its own A/A),
# both builds (base:X = this tree unplanted) in ABBA rounds, --until-decided --budget 15m.
set -u
cd /work/main
EFFECT=${EFFECT:-10%}
N=${N:-3}
BASE=${BASE:-/work/plant-runs}
mkdir -p "$BASE"
for i in $(seq 1 "$N"); do
  d="$BASE/e${EFFECT%\%}-$(date +%H%M%S)"
  echo "== $(date -u +%T) run $i/$N effect $EFFECT -> $d load: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$BASE/seq.log"
  MPMBENCH_NO_BUILD=1 scripts/compare-planted --effect "$EFFECT" --target java-event --paired --out "$d" \
     --beside java-prefork --until-decided --budget 15m --max-repeats 20 > "$d.log" 2>&1
  echo "   exit $? at $(date -u +%T); $(grep -E 'PASS|FAIL' "$d.log" | tail -1)" | tee -a "$BASE/seq.log"
done
