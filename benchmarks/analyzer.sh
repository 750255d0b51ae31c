#!/usr/bin/env bash
# Benchmark of the analyzer plugin as the Pulumi CLI uses it: publishes the pack (not timed), then runs
# benchmarks/analyzer.js: process start to the port line (median of N starts), and AnalyzeStack time for 1,000 and
# 10,000 resources through the gRPC client of @pulumi/pulumi 3.248.0.
# Usage: benchmarks/analyzer.sh [N]   (N >= 5 starts, default 11)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules/@pulumi/pulumi ] || npm ci --ignore-scripts --no-audit --no-fund
scripts/publish-policy-pack >/dev/null
node benchmarks/analyzer.js "${1:-11}"
