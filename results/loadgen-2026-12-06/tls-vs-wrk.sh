#!/bin/bash
# Now scripts/measure-loadgen's section tls (one home for the check): HTTPS against nginx, wrk vs ours,
# keep-alive -c64 and a handshake per request -c16, interleaved rounds. README.md's HTTPS table was made
# by this file's earlier body (git show 1b0e7a9:results/loadgen-2026-12-06/tls-vs-wrk.sh); its settings:
cd "$(dirname "$0")/../.." && SECTIONS=tls DURATION=${D:-8} TLS_WARMUP=5 ROUNDS=${ROUNDS:-3} IO=${IO:-auto} \
  exec scripts/measure-loadgen
