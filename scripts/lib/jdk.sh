# Finding a JDK >= MIN_JAVA (default 25), shared by the launcher and the scripts that run Java.
# Sourced; defines java_major and find_java (prints the JDK's home, or fails).
: "${MIN_JAVA:=25}"

java_major() {  # prints the major version of the java binary $1, or nothing
  # The JDK's release file says it without starting a JVM (each start costs 0.1-0.2 s of CPU, paid
  # by every command the launcher runs); a JDK without one is asked.
  local release
  release="$(dirname "$(dirname "$1")")/release"
  if [[ -r "$release" ]] && grep -q '^JAVA_VERSION=' "$release"; then
    sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9]*\).*/\1/p' "$release" | head -1
    return
  fi
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -1
}

find_java() {
  local candidates=()
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
  local d
  for d in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.jdks/* "$HOME"/.sdkman/candidates/java/*; do
    [[ -d "$d" ]] && candidates+=("$d")
  done
  for d in "${candidates[@]}"; do
    if [[ -x "$d/bin/java" && -x "$d/bin/javac" ]]; then
      local v
      v="$(java_major "$d/bin/java")"
      if [[ -n "$v" && "$v" -ge "$MIN_JAVA" ]]; then
        echo "$d"
        return 0
      fi
    fi
  done
  return 1
}
