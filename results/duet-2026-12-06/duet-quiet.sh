#!/usr/bin/env bash
# duet.sh as run on the quiet machine (quiet-run.sh): the same script with main's launcher in place of the
# worktree of that day (/work/wt-me, gone since). Usage as duet.sh: duet-quiet.sh OUT WINDOWS [TOKENS_B]
sed 's|/work/wt-me/scripts/mpmbench|/work/main/scripts/mpmbench|' "$(dirname "$0")/duet.sh" | bash -s -- "$@"
