# compare-planted --effect: a calibrated plant (MpmbenchPlantCpu) on one Java model, sized to a share
# of its measured CPU per request. Sourced by scripts/compare-planted, which sets ROOT, OUT and
# SUITE_ARGS; defines plant_check, plant_check_beside and plant_main EFFECT TARGET [BESIDE] (return the
# script's exit status).
# shellcheck source=jdk.sh
source "$ROOT/scripts/lib/jdk.sh"

# Prints the share of "10%", "10" or "2.5%" as a fraction (0.1, 0.1, 0.025); fails outside 0.1%..1000%.
plant_fraction() {
    local v="${1%\%}"
    [[ "$v" =~ ^[0-9]+(\.[0-9]+)?$ ]] || return 1
    awk -v p="$v" 'BEGIN { if (p < 0.1 || p > 1000) exit 1; printf "%.6g\n", p / 100 }'
}

# The median of column COL over TARGET's SCENARIO rows in summary.csv FILE that are ok or disturbed
# (a busy machine slows the target, but the CPU its cgroup used per request is still its own); empty if none.
plant_median() {
    local file="$1" target="$2" scenario="$3" col="$4"
    awk -F, -v t="$target" -v s="$scenario" -v c="$col" '
        NR == 1 { for (i = 1; i <= NF; i++) idx[$i] = i; next }
        $idx["target"] == t && $idx["scenario"] == s && ($idx["status"] == "ok" || $idx["status"] == "disturbed") && $idx[c] != "" { v[n++] = $idx[c] }
        END {
            if (n == 0) exit
            for (i = 0; i < n; i++) for (j = i + 1; j < n; j++) if (v[j] + 0 < v[i] + 0) { x = v[i]; v[i] = v[j]; v[j] = x }
            printf "%.6g\n", n % 2 ? v[int(n / 2)] : (v[n / 2 - 1] + v[n / 2]) / 2
        }' "$file"
}

# Checks --effect and --target before anything runs; one line and status 2 when one is bad.
plant_check() {
    local effect="$1" target="$2"
    plant_fraction "$effect" > /dev/null || {
        echo "compare-planted: --effect '$effect' must be a percentage from 0.1% to 1000%, e.g. 5%, 10%, 20%" >&2
        return 2; }
    case "$target" in
        java-prefork|java-worker|java-event|java-virtual) ;;
        *) echo "compare-planted: --target '$target' must be one of java-prefork, java-worker, java-event, java-virtual" >&2
           return 2 ;;
    esac
}

# Checks --beside (comma-separated Java models, none of them TARGET); one line and status 2 when bad.
plant_check_beside() {
    local target="$1" beside="$2" t
    [[ -z "$beside" ]] && return 0
    IFS=, read -r -a list <<< "$beside"
    for t in "${list[@]}"; do
        case "$t" in
            java-prefork|java-worker|java-event|java-virtual) ;;
            *) echo "compare-planted: --beside '$t' must be one of java-prefork, java-worker, java-event, java-virtual" >&2
               return 2 ;;
        esac
        if [[ "$t" == "$target" ]]; then
            echo "compare-planted: --beside '$t' is the planted --target; name other models" >&2
            return 2
        fi
    done
}

plant_main() {
    local effect="$1" target="$2" beside="${3:-}" fraction
    fraction="$(plant_fraction "$effect")"
    local java_home
    java_home="$(find_java)" || { echo "compare-planted: no JDK >= $MIN_JAVA found (set JAVA_HOME)" >&2; return 2; }
    local base=(--targets "$target${beside:+,$beside}" --scenarios hello)
    # unpaired: the base run sizes the plant; paired: a one-round sizing run, then one run of both builds
    local sizing="$OUT/base" sizing_args=("${SUITE_ARGS[@]}")
    if [[ -n "${PAIRED:-}" ]]; then
        # one round, without the flags that only the paired run takes
        sizing="$OUT/sizing" sizing_args=(--repeats 1)
        local i=0
        while (( i < ${#SUITE_ARGS[@]} )); do
            case "${SUITE_ARGS[i]}" in
                --repeats|--budget|--max-repeats) i=$((i + 2)) ;;
                --until-decided) i=$((i + 1)) ;;
                *) sizing_args+=("${SUITE_ARGS[i]}"); i=$((i + 1)) ;;
            esac
        done
    fi
    local java_cp=("$java_home/bin/java" -cp "$ROOT/server/target/mpmbench-server.jar" mpmbench.server.handler.PlantCalibration)
    local cpu_us="" ns_per_token tokens
    if [[ -z "${TOKENS:-}" || -z "${PAIRED:-}" ]]; then  # unpaired, the base run is compare's base too
        echo "compare-planted: $(basename "$sizing") ($target, no plant) -> $sizing" >&2
        "$ROOT/scripts/mpmbench" suite quick --out "$sizing" "${base[@]}" "${sizing_args[@]}" >&2
        cpu_us="$(plant_median "$sizing/summary.csv" "$target" hello cpu_us_per_req)"
        if [[ -z "$cpu_us" ]]; then
            echo "compare-planted: FAIL: no ok or disturbed hello row of $target with cpu_us_per_req in $sizing/summary.csv to size the plant from" >&2
            return 1
        fi
    fi
    # What a token costs on this JVM, from the server's own classes (thread CPU time, JIT-compiled loop)
    "${java_cp[@]}" 1000 10000 100000 > "$OUT/calibration.csv"
    ns_per_token="$(awk -F, '$1 == 10000 { print $4 }' "$OUT/calibration.csv")"
    if [[ -n "${TOKENS:-}" ]]; then
        tokens="$TOKENS"   # given: the same work in every run of a series, no sizing run
    else
        tokens="$(awk -v f="$fraction" -v us="$cpu_us" -v ns="$ns_per_token" 'BEGIN { printf "%d\n", f * us * 1000 / ns + 0.5 }')"
    fi
    if [[ -z "$ns_per_token" || "$tokens" -lt 1 ]]; then
        echo "compare-planted: FAIL: cannot size the plant (calibration: $OUT/calibration.csv, cpu ${cpu_us} us)" >&2
        return 1
    fi
    "${java_cp[@]}" "$tokens" | tail -n +2 >> "$OUT/calibration.csv"
    printf 'target,effect,cpu_us_per_req,ns_per_token,tokens,planted_us\n%s,%s,%s,%s,%s,%s\n' "$target" "$fraction" \
        "$cpu_us" "$ns_per_token" "$tokens" "$(awk -v t="$tokens" -v ns="$ns_per_token" 'BEGIN { printf "%.3f", t * ns / 1000 }')" \
        > "$OUT/plant.csv"
    if [[ -n "${TOKENS:-}" ]]; then
        echo "compare-planted: planting the $tokens tokens given (labelled $effect; a token costs $ns_per_token ns" \
             "when calibrated) -> $OUT/planted" >&2
    else
        echo "compare-planted: $target uses $cpu_us us of CPU per request; a token costs $ns_per_token ns;" \
             "planting $tokens tokens ($effect) -> $OUT/planted" >&2
    fi
    local paired=()
    if [[ -n "${PAIRED:-}" ]]; then
        # this tree twice in the same rounds: base:TARGET without the plant, TARGET with it
        paired=(--baseline "$ROOT")
    fi
    "$ROOT/scripts/mpmbench" suite quick --out "$OUT/planted" "${base[@]}" "${paired[@]}" \
        --set "$target:MpmbenchPlantCpu=$tokens" "${SUITE_ARGS[@]}" >&2
    set +e
    if [[ -n "${PAIRED:-}" ]]; then
        "$ROOT/scripts/mpmbench" compare "$OUT/planted" > "$OUT/compare.out"
    else
        "$ROOT/scripts/mpmbench" compare "$OUT/base" "$OUT/planted" > "$OUT/compare.out"
    fi
    local code=$?
    set -e
    plant_verdict "$OUT/planted/compare.csv" "$target" "$code" "$effect" "$beside"
}

# PASS when compare calls TARGET's hello slower (rps or cpu_us_per_req) and no other target slower.
plant_verdict() {
    local csv="$1" target="$2" code="$3" effect="$4" beside="${5:-}"
    local hits others
    hits=$(awk -F, -v t="$target" 'NR > 1 && $2 == t && $1 == "hello" && ($6 == "rps" || $6 == "cpu_us_per_req") \
        && $14 == "slower" {print $1 " " $2 " c" $3 " " $6 " x" $11 " [" $12 ", " $13 "]"}' "$csv")
    others=$(awk -F, -v t="$target" 'NR > 1 && $2 != t && $14 == "slower" {print $1 " " $2 " " $6 " x" $11}' "$csv")
    echo "compare-planted: compare exited $code; $target's figures called slower with the $effect plant:"
    echo "${hits:-none}" | sed 's/^/  /'
    if [[ -n "$beside" ]]; then  # the unplanted models' A/A: how their judged figures came out
        echo "compare-planted: the unplanted models beside it (A/A; any 'slower' is a false alarm):"
        awk -F, -v b=",$beside," 'NR > 1 && index(b, "," $2 ",") && $11 != "" { n[$2 " " $14]++ }
            END { for (k in n) print "  " k ": " n[k] " figures" }' "$csv" | sort
    fi
    if [[ -n "$others" ]]; then
        echo "compare-planted: other targets called slower too (false alarms):"
        echo "$others" | sed 's/^/  /'
    fi
    if [[ -n "$hits" && -z "$others" ]]; then
        echo "compare-planted: PASS: the $effect plant is detected (details: $OUT/planted/compare.md, $OUT/plant.csv)"
        return 0
    fi
    echo "compare-planted: FAIL: the $effect plant is not detected (details: $OUT/planted/compare.md, $OUT/plant.csv)"
    return 1
}
