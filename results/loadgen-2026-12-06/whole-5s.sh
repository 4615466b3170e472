#!/bin/bash
# Now scripts/measure-loadgen's section whole (one home for the check): the whole process of a 5 s run as
# a user times it, wrk vs ours per backend, a base build beside with OLD_JAR. README.md's table was made by
# this file's earlier body (git show 1b0e7a9:results/loadgen-2026-12-06/whole-5s.sh), the base being
# f37c50d built in /tmp/wt-old (OLD_JAR=/tmp/wt-old/loadgen/target/mpmbench-loadgen.jar); its settings:
cd "$(dirname "$0")/../.." && SECTIONS=whole WHOLE_DURATION=5 ROUNDS=3 exec scripts/measure-loadgen
