# The JVM options of every load-generator process (sourced by scripts/mpmbench and the measuring
# scripts). The same list, and why, is mpmbench.loadgen.GeneratorJvm.OPTIONS; a test keeps them equal.
GENERATOR_JVM_OPTS=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1)
