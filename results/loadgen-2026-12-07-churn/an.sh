#!/usr/bin/env bash
# an.sh OUTDIR NAME : per-connection counts between NAME.a and NAME.b (and NAME.*.perf when present)
D=$1; N=$2
awk -v name="$N" '
FNR==1 {f++}
$1=="T" {t[f]=$2}
$1=="S" {acc[f]=$2; req[f]=$3}
$1=="N" {n[f, $2]=$3; keys[$2]=1}
$1=="C" {for (i=3;i<=9;i++) c[f, $2, i]=$i}
$1=="I" {irq[f, $2]=$3 " " $4}
$1=="H" {hu[f, $2]=$3; ht[f, $2]=$4}
$1=="P" {for (i=3;i<=NF;i++) p[f, $2, i]=$i}
END {
  act = n[2,"TcpPassiveOpens"] - n[1,"TcpPassiveOpens"]; conns = acc[2] - acc[1] - 1
  dt = t[2]-t[1]
  printf "%s: %.1f s, %d accepted by nginx (%d by the machine), %.0f conn/s\n", name, dt, conns, act, conns/dt
  if (conns <= 0) exit
  # utime stime (ticks 10 ms) run_ns timeslices vol invol
  for (w in wh) ; split("nginx client", who, " ")
  for (k=1;k<=2;k++) { x=who[k]
    printf "  %-7s CPU %.2f us/conn (sched), ticks %.2f us/conn (user %.2f sys %.2f); vol ctxsw %.3f invol %.3f /conn\n", x,
      (p[2,x,5]-p[1,x,5])/1000/conns, ((p[2,x,3]+p[2,x,4])-(p[1,x,3]+p[1,x,4]))*10000/conns,
      (p[2,x,3]-p[1,x,3])*10000/conns, (p[2,x,4]-p[1,x,4])*10000/conns,
      (p[2,x,7]-p[1,x,7])/conns, (p[2,x,8]-p[1,x,8])/conns }
  for (k=0;k<=1;k++) printf "  ksoftirqd/%d CPU %.2f us/conn\n", k, (p[2,"ksoftirqd" k,5]-p[1,"ksoftirqd" k,5])/1000/conns
  printf "  client process CPU %.2f us/conn\n", ((p[2,"clientproc",3]+p[2,"clientproc",4])-(p[1,"clientproc",3]+p[1,"clientproc",4]))*10000/conns
  split("user nice system idle iowait irq softirq", nm, " ")
  for (cpu=0; cpu<=1; cpu++) { line=sprintf("  cpu%d us/conn:", cpu)
    for (i=3;i<=9;i++) { v=(c[2,"cpu" cpu,i]-c[1,"cpu" cpu,i])*10000/conns; if (v!=0) line=line sprintf(" %s %.2f", nm[i-2], v) }
    print line }
  printf "  halts/conn cpu0 %.3f cpu1 %.3f; halted us/conn cpu0 %.2f cpu1 %.2f\n", (hu[2,"cpu0"]-hu[1,"cpu0"])/conns, (hu[2,"cpu1"]-hu[1,"cpu1"])/conns, (ht[2,"cpu0"]-ht[1,"cpu0"])/conns, (ht[2,"cpu1"]-ht[1,"cpu1"])/conns
  line="  IPIs/conn (cpu0 cpu1):"
  for (k in irq) { split(k, kk, SUBSEP); if (kk[1]!=1) continue; split(irq[1,kk[2]], a, " "); split(irq[2,kk[2]], b, " ")
    line=line sprintf(" %s %.3f %.3f", kk[2], (b[1]-a[1])/conns, (b[2]-a[2])/conns) }
  print line
  line="  nstat/conn:"
  for (k in keys) { d=n[2,k]-n[1,k]; if (d!=0 && k !~ /^Ip6|^Icmp6|^Udp6/) line=line sprintf(" %s=%.3f", k, d/conns) }
  print line
}' "$D/$N.a" "$D/$N.b"
[[ -f $D/$N.tw-server ]] && echo "  TIME_WAIT at the end: server side $(cat $D/$N.tw-server), client side $(cat $D/$N.tw-client)"
for who in nginx client; do
  f="$D/$N.$who.perf"; [[ -f $f ]] || continue
  conns=$(awk '$1=="N" && $2=="TcpPassiveOpens" {v[FILENAME]=$3} END {for (k in v) print k, v[k]}' "$D/$N.a" "$D/$N.b" | sort | awk '{a[NR]=$2} END {print a[2]-a[1]}')
  awk -F, -v who="$who" '$1 ~ /^[0-9]+$/ && $1 > 0 {c=$3; sub("syscalls:sys_enter_","",c); a[c]=$1; tot+=$1}
    END {k=(who=="nginx") ? a["accept4"] : a["connect"]; printf "  %s syscalls/conn %.2f:", who, tot/k; for (x in a) if (a[x]/k >= 0.005) printf " %s %.3f", x, a[x]/k; print ""}' "$f"
done
