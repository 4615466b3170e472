#!/usr/bin/perl
# A process tree whose members burn a known CPU time and exit between two samples (CpuAccountingTest).
# Each burner measures its own CPU (CLOCK_PROCESS_CPUTIME_ID, ns, its own process only) just before it
# exits, so the known CPU does not come from the code under test.
#
# stdout: "ready", then, after a line on stdin: "burned PID NS" for each of the four burners, "root NS"
# (the root's own CPU from that line to its report) and "done"; B and Z are then zombies and the
# root waits on stdin again, reaping them when it closes.
#   A  child of the root, reaped by the root
#   G  child of B, reaped by B (a member that is not the root)
#   B  reaps G, burns, exits and stays a zombie
#   Z  burns, exits and stays a zombie
use strict;
use warnings;
use POSIX ();
use Time::HiRes qw(clock_gettime CLOCK_PROCESS_CPUTIME_ID);

$| = 1;
my $burn = $ARGV[0] // 0.25; # CPU seconds per burner

sub cpu { return clock_gettime(CLOCK_PROCESS_CPUTIME_ID) }

sub burn {
    my $end = cpu() + $burn;
    my $x = 0;
    while (cpu() < $end) {
        $x++ for 1 .. 1000;
    }
}

sub burner {
    burn();
    printf "burned %d %d\n", $$, int(cpu() * 1e9);
    POSIX::_exit(0);
}

print "ready\n";
my $go = <STDIN>;
my $t0 = cpu();
my $a = fork() // die "fork: $!";
burner() if $a == 0;
my $b = fork() // die "fork: $!";
if ($b == 0) {
    my $g = fork() // die "fork: $!";
    burner() if $g == 0;
    waitpid($g, 0);
    burner();
}
my $z = fork() // die "fork: $!";
burner() if $z == 0;
waitpid($a, 0);
printf "root %d\n", int((cpu() - $t0) * 1e9);
print "done\n";
my $end = <STDIN>;
waitpid($b, 0);
waitpid($z, 0);
