# Finding a JDK >= MIN_JAVA (default 25), shared by the launcher and the scripts that run Java.
# Sourced; defines java_major and find_java (prints the JDK's home, or fails).
: "${MIN_JAVA:=25}"

java_major() {  # prints the major version of the java binary $1, or nothing
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
