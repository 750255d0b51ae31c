#!/usr/bin/env bash
# Issue 11's benchmark in one interleaved run (see benchmarks/analyzer.js for what it measures and prints): every
# figure with its floor and ratio, the load average it was measured at, and at the end each target of the issue with
# its ratio and PASS or MISS.
# Builds first, untimed: the published pack (scripts/publish-policy-pack), the compiler (infra/compile.sh), a Native
# AOT hello world (the start-up floor) and benchmarks/AnalyzeStackFloor (the protobuf floor, Native AOT). The official
# @pulumi/policy pack of ../shared/bench/official-pack is measured side by side when OFFICIAL_PACK names an installed
# copy of it (copy the folder somewhere writable, outside the repository, and run
# `npm ci --ignore-scripts --no-audit --no-fund` in the copy).
# Usage: benchmarks/run.sh [ROUNDS]   (ROUNDS >= 5, default 11)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
[ -d node_modules/@pulumi/pulumi ] || npm ci --ignore-scripts --no-audit --no-fund
command -v clang >/dev/null && [ -e /usr/include/zlib.h ] \
  || { echo "benchmarks/run.sh: the floors are Native AOT builds: install clang and zlib1g-dev" >&2; exit 1; }
rid=$(dotnet --info | awk '/^ *RID:/ {print $2; exit}')
scripts/publish-policy-pack >&2
[ -x artifacts/bench/hello/hello-world ] || dotnet publish benchmarks/HelloWorld/HelloWorld.csproj -c Release -r "$rid" \
  -p:PublishAot=true -o artifacts/bench/hello --nologo -v quiet >&2
# The in-process figures come from AnalyzeStackFloor published as Native AOT, as the pack ships: under the JIT the first
# calls run unoptimized code and dynamic PGO makes each process's code differ (the 1,000-resource call measured 12-17 ms
# under the JIT against 3.9 ms AOT). The JIT build stays for `--phases --types` (allocation events need EventSource).
dotnet publish benchmarks/AnalyzeStackFloor/AnalyzeStackFloor.csproj -c Release -r "$rid" -p:PublishAot=true \
  -o artifacts/bench/floor-aot --nologo -v quiet >&2
dotnet build benchmarks/AnalyzeStackFloor/AnalyzeStackFloor.csproj -c Release -o artifacts/bench/floor --nologo -v quiet >&2
node benchmarks/analyzer.js "${1:-11}"
