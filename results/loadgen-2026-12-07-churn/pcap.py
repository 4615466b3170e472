import subprocess, sys, collections, re
# pcap.py FILE PORT: per complete connection, the sequence of segments (c>s / s>c, flags, payload length)
f, port = sys.argv[1], sys.argv[2]
out = subprocess.run(['tcpdump', '-r', f, '-nn', '-tt', '-S'], capture_output=True, text=True).stdout
conns = collections.OrderedDict()
for line in out.splitlines():
    m = re.match(r'(\S+) IP 127\.0\.0\.1\.(\d+) > 127\.0\.0\.1\.(\d+): Flags \[([^\]]*)\].*?length (\d+)', line)
    if not m: continue
    t, sp, dp, fl, ln = m.groups()
    if sp == port: key, d = dp, 's>c'
    else: key, d = sp, 'c>s'
    conns.setdefault(key, []).append((float(t), d, fl, int(ln)))
pats = collections.Counter(); n = 0
for k, segs in conns.items():
    if not segs[0][2] == 'S' or not any('F' in s[2] for s in segs if s[1]=='c>s') or not any('F' in s[2] for s in segs if s[1]=='s>c'):
        continue
    n += 1
    pats[' '.join(f"{d}:{fl}{'+'+str(ln) if ln else ''}" for _, d, fl, ln in segs)] += 1
print(f"{n} complete connections of {len(conns)}")
for p, c in pats.most_common(8):
    print(f"{c:6d}  {len(p.split())} segs: {p}")
