# The JVM options of every load-generator process (sourced by scripts/mpmbench and the measuring
# scripts). The same lists, and why, are mpmbench.loadgen.GeneratorJvm.OPTIONS and OPEN_MODEL_OPTIONS
# (C1 only in the open model, for send times to the microsecond); a test keeps them equal.
GENERATOR_JVM_OPTS=(-XX:+UseSerialGC)
GENERATOR_JVM_OPEN_OPTS=(-XX:TieredStopAtLevel=1)

# generator_jvm_opts ARGS...: prints the options for a `load` with these arguments, one per line
# (the open-model ones too when -R/--rate is among them).
generator_jvm_opts() {
  printf '%s\n' "${GENERATOR_JVM_OPTS[@]}"
  local a
  for a in "$@"; do
    case "$a" in
      -R*|--rate|--rate=*) printf '%s\n' "${GENERATOR_JVM_OPEN_OPTS[@]}"; return ;;
    esac
  done
}
