# shellcheck shell=bash
# bench-gate's choice of the committed reference a run is compared with, and what it says about the
# reference's load generator. Sourced by scripts/bench-gate (and BenchGateReferenceTest); defines
#
#   folder_generator DIR          the load generator DIR's env.csv names (loadgen, wrk), empty when none
#   pick_reference ROOT RUN SUITE sets REFERENCE to the folder RUN is compared with (empty: none)
#   generator_note REFERENCE RUN  prints one line when REFERENCE's generator differs from RUN's or is
#                                 unknown, nothing when they are the same
#
# env.csv's key is mpmbench.benchmarks.results.ResultsFolder.GENERATOR_KEY ("generator"); every run
# names its generator since 2026-12-06, only wrk's before. A folder without it is "unknown" here: it is
# preferred after one of the run's own generator, never refused (compare reads it as ours, loadgen, the
# only generator the suite had before it wrote the key for wrk).

folder_generator() {
    sed -n 's/^generator,//p' "$1/env.csv" 2>/dev/null | head -1 || true
}

# The generator a run is compared as: its own, or ours when its env.csv names none (as compare reads it).
run_generator() {
    local g
    g="$(folder_generator "$1")"
    echo "${g:-loadgen}"
}

# pick_reference ROOT RUN SUITE: the newest results/*/ (env.csv's started_utc) committed to git under ROOT (git ls-files) of
# SUITE, never RUN itself. Preferred in this order, each tier tried before the next:
#   generator: the run's own first, then a folder that names none (older runs), then any;
#   scenarios, within each: the same scenarios (e.g. full's defaults, not a full run of the operational
#   scenarios only), then every scenario of the run (not, say, a folder of HTTPS scenarios for a run of
#   hello), then any.
# Only folders committed to git: a run just made under results/ (git-ignored) is never its own reference.
pick_reference() {
    local root=$1 run=$2 suite=$3 run_real scenarios_line committed gen tier pass rel d
    REFERENCE=""
    run_real="$(realpath "$run")"
    scenarios_line="$(grep -m1 '^scenarios,' "$run/env.csv" 2>/dev/null || true)"
    gen="$(run_generator "$run")"
    # newest first by when each run started (env.csv's started_utc), not by folder name: a folder named
    # for what it shows (results/loadgen-…/quick-generator) would otherwise outrank a dated one
    committed="$(git -C "$root" ls-files 'results/*/env.csv' 2>/dev/null | while read -r f; do
            printf '%s %s\n' "$(sed -n 's/^started_utc,//p' "$root/$f" | head -n1 | grep . || echo 0)" "${f%/env.csv}"
        done | sort -r | cut -d' ' -f2- || true)" # no git: none
    for tier in same unknown any; do
        for pass in same covers any; do
            for rel in $committed; do
                d="$root/$rel"
                [[ "$(realpath "$d")" == "$run_real" ]] && continue
                [[ -f "$d/summary.csv" ]] && grep -q "^suite,$suite\$" "$d/env.csv" || continue
                case $tier in
                    same) [[ "$(folder_generator "$d")" == "$gen" ]] ;;
                    unknown) [[ -z "$(folder_generator "$d")" ]] ;;
                    *) true ;;
                esac || continue
                case $pass in
                    same) grep -qxF "$scenarios_line" "$d/env.csv" ;;
                    covers) covers_scenarios "$d" "$scenarios_line" ;;
                    *) true ;;
                esac || continue
                REFERENCE="$d"
                return 0
            done
        done
    done
    return 0  # none: REFERENCE stays empty (bench-gate runs with set -e)
}

# covers_scenarios DIR "scenarios,A B C": DIR's scenarios include every one of the run's
covers_scenarios() {
    local ref_line s
    ref_line=" $(grep -m1 '^scenarios,' "$1/env.csv" 2>/dev/null | sed 's/^scenarios,//') "
    for s in ${2#scenarios,}; do [[ $ref_line == *" $s "* ]] || return 1; done
}

generator_note() {
    local ref=$1 run=$2 ref_gen run_gen
    ref_gen="$(folder_generator "$ref")"
    run_gen="$(folder_generator "$run")"
    if [[ -z "$run_gen" ]]; then
        echo "this run's env.csv names no load generator (a run from before every run recorded it): taken as ours (loadgen), as compare reads it"
        run_gen=loadgen
    fi
    if [[ -z "$ref_gen" ]]; then
        echo "the reference $ref names no load generator in env.csv (a run from before every run recorded it): compare reads it as ours (loadgen); this run's is $run_gen"
    elif [[ "$ref_gen" != "$run_gen" ]]; then
        echo "the reference $ref was measured with the load generator $ref_gen, this run with $run_gen: compare refuses runs of two generators"
    fi
}
