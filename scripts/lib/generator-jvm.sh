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

# The generator's AOT cache (JDK 25): the same rule as mpmbench.loadgen.GeneratorAotCache (a test keeps
# them equal; why and how it is made: that class's doc). Beside the jar as JAR.JDKVERSION.aot, JDKVERSION
# being JAVA_RUNTIME_VERSION of the JDK's release file; fresh when newer than the jar.
# generator_aot_cache JDK_HOME JAR: prints the cache's path (fails when the JDK has no release file).
generator_aot_cache() {
  local v
  v=$(sed -n 's/^JAVA_RUNTIME_VERSION="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' "$1/release" 2>/dev/null | head -1)
  [[ -n $v ]] || return 1
  printf '%s.%s.aot\n' "$2" "${v//[^A-Za-z0-9._-]/_}"
}

# generator_aot_opts JDK_HOME JAR: prints the options that start a generator from its AOT cache, one per
# line, after GENERATOR_JVM_OPTS; makes the cache first when it is missing or not newer than the jar (a
# training run of a few seconds, once per build and JDK, announced on stderr). Prints nothing when there is
# no cache to have (no release file, a folder it cannot write, a failed training): the run starts without.
generator_aot_opts() {
  local jdk=$1 jar=$2 cache tmp
  cache=$(generator_aot_cache "$jdk" "$jar") || return 0
  if [[ ! $cache -nt $jar ]]; then
    [[ -f $jar && -w $(dirname "$jar") ]] || return 0
    tmp="$cache.tmp-$$"
    echo "mpmbench load: making the generator's AOT cache (once per build and JDK) ..." >&2
    if ! timeout -k 5 120 "$jdk/bin/java" "${GENERATOR_JVM_OPTS[@]}" "-XX:AOTCacheOutput=$tmp" -Xlog:aot=off -Xlog:cds=off \
        -jar "$jar" --aot-training > /dev/null 2>&1 || [[ ! -f $tmp ]] || ! mv -f "$tmp" "$cache"; then
      rm -f "$tmp" "$tmp.config"
      echo "mpmbench load: warning: no AOT cache for the generator (the training run failed); it starts without one" >&2
      return 0
    fi
    rm -f "$tmp.config"
  fi
  printf '%s\n' "-XX:AOTCache=$cache" -Xlog:aot=off -Xlog:cds=off
}
