#!/usr/bin/env python3
"""Paired per-round ratio A/B of a column from a suite results folder's summary.csv:
geometric mean of the per-round ratios with Student's t 95 % interval over the log-ratios."""
import csv, math, sys
from statistics import mean, stdev
T975 = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306, 9: 2.262, 10: 2.228}
folder, scenario, a, b, column = sys.argv[1:6]
rows = [r for r in csv.DictReader(open(folder + '/summary.csv')) if r['scenario'] == scenario and r['status'] == 'ok']
by = {}
for r in rows:
    by.setdefault(r['repeat'], {})[r['target']] = float(r[column])
logs = [math.log(v[a] / v[b]) for k, v in sorted(by.items()) if a in v and b in v]
n = len(logs)
m = mean(logs)
h = T975[n - 1] * stdev(logs) / math.sqrt(n)
print(f"{scenario} {column} {a}/{b}: {math.exp(m):.3f} [{math.exp(m-h):.3f}, {math.exp(m+h):.3f}] over {n} rounds; per round "
      + " ".join(f"{math.exp(x):.3f}" for x in logs))
