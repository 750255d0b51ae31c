#!/usr/bin/env bash
# Benchmark: the README's main job, `scripts/check-stack STACK`, on a repeat run when nothing changed (the first,
# untimed run builds whatever is stale). Prints the median, p90, min and max wall time of N runs, the median CPU time
# (user + system, less sensitive to other load on the machine) and the load average, so figures from a busy machine
# can be told apart. A benchmark, not a test: it asserts nothing.
# Usage: benchmarks/check-stack.sh [STACK] [N]   (default dev, N = 11; N >= 5)
set -euo pipefail
cd "$(dirname "$0")/.."
stack=${1:-dev}
n=${2:-11}
[ "$n" -ge 5 ] || { echo "N must be at least 5" >&2; exit 2; }

# Warm-up: builds the compiler and the pack if they are missing or stale (not timed), and must succeed.
status=0
scripts/check-stack "$stack" >/dev/null || status=$?
[ "$status" -le 1 ] || { echo "benchmark: scripts/check-stack $stack failed (exit $status)" >&2; exit 1; }

samples=$(mktemp)
trap 'rm -f "$samples"' EXIT
TIMEFORMAT='%R %U %S'
for _ in $(seq "$n"); do
  { time scripts/check-stack "$stack" >/dev/null 2>/dev/null || true; } 2>>"$samples"
done

load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
cores=$(nproc 2>/dev/null || echo '?')
awk -v n="$n" -v stack="$stack" -v load="$load" -v cores="$cores" '
  { wall[NR] = $1; cpu[NR] = $2 + $3 }
  function sort(a, k,   i, j, t) { for (i = 2; i <= k; i++) { t = a[i]; for (j = i - 1; j > 0 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t } }
  END {
    sort(wall, NR); sort(cpu, NR)
    mid = int((NR + 1) / 2); p90 = int((NR * 9 + 9) / 10); if (p90 > NR) p90 = NR
    printf "check-stack %s, repeat run, nothing changed (%d runs; %s cores, load average %s)\n", stack, n, cores, load
    printf "wall: median %.3f s  p90 %.3f s  min %.3f s  max %.3f s\n", wall[mid], wall[p90], wall[1], wall[NR]
    printf "cpu (user+sys): median %.3f s\n", cpu[mid]
  }' "$samples"
