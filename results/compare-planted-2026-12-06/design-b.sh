#!/usr/bin/env bash
# Design B: one Java model, paired (ABBA), fixed 24 rounds of 5 s windows (no sequential looks).
set -u
cd /work/main
BASE=/work/plant-runs
run_plant() {
  local eff=$1 d="$BASE/B-e${1%\%}-$(date +%H%M%S)"
  echo "== $(date -u +%T) plant $eff -> $d load: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$BASE/seq.log"
  MPMBENCH_NO_BUILD=1 scripts/compare-planted --effect "$eff" --target java-event --paired --out "$d" \
     --repeats 24 --duration 5s > "$d.log" 2>&1
  echo "   exit $? at $(date -u +%T); $(grep -E 'PASS|FAIL' "$d.log" | tail -1)" | tee -a "$BASE/seq.log"
}
run_aa() {
  local d="$BASE/B-aa-$(date +%H%M%S)"
  echo "== $(date -u +%T) A/A -> $d load: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$BASE/seq.log"
  MPMBENCH_NO_BUILD=1 scripts/mpmbench suite quick --targets java-event --scenarios hello --baseline /work/main \
     --repeats 24 --duration 5s --out "$d" > "$d.log" 2>&1
  MPMBENCH_NO_BUILD=1 scripts/mpmbench compare "$d" > "$d.compare" 2>&1
  echo "   compare exit $? at $(date -u +%T)" | tee -a "$BASE/seq.log"
}
run_plant 10%
run_aa
run_plant 10%
