#!/bin/bash
cd /work/quiet7/duet   # where it ran (this folder's duet-quiet.sh was copied there)
uptime > load.txt
./duet-quiet.sh aa10 10 > aa10.out 2>&1; uptime >> load.txt
./duet-quiet.sh p670 10 670 > p670.out 2>&1; uptime >> load.txt
for i in 1 2 3 4 5 6; do ./duet-quiet.sh aa6-$i 3 > aa6-$i.out 2>&1; done; uptime >> load.txt
./duet-quiet.sh p1147 10 1147 > p1147.out 2>&1; uptime >> load.txt
