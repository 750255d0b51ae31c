#!/usr/bin/env bash
# Benchmark: `check` on the hostile inputs of issue 10 (items 2, 3 and 7): an fn::join bomb through YAML aliases and
# through JSON template variables, flow nesting 20,000 deep in YAML, JSON arrays 40,000 deep, and /dev/zero. Each
# must end with exit 2 and one line. Prints per input the exit code, wall seconds and peak memory (GNU time).
# Usage: benchmarks/hostile-inputs.sh [CHECK]   (CHECK: the check executable; default: build policies in Release)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v /usr/bin/time >/dev/null || { echo "needs GNU time at /usr/bin/time (Debian: apt-get install time)" >&2; exit 1; }
check=${1:-}
if [ -z "$check" ]; then
  dotnet build policies/FargateNetwork.Policies.csproj -c Release --nologo -v quiet -o artifacts/bench-check >/dev/null
  check=artifacts/bench-check/pulumi-analyzer-policy-fargate-network
fi

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$dir" <<'PY'
import json, sys
d = sys.argv[1]
lines = ["resources:", "  v:", "    type: aws:ec2/vpc:Vpc", "    properties:", "      tags:", "        l0: &l0 xxxxxxxxxx"]
for i in range(1, 10):
    lines.append(f"        l{i}: &l{i} {{fn::join: ['', [{', '.join([f'*l{i-1}'] * 10)}]]}}")
open(f"{d}/join-aliases.yaml", "w").write("\n".join(lines) + "\n")
variables = {"l0": "xxxxxxxxxx"}
for i in range(1, 10):
    variables[f"l{i}"] = {"fn::join": ["", ["${l%d}" % (i - 1)] * 10]}
open(f"{d}/join-variables.json", "w").write(json.dumps({"variables": variables, "resources": {"v": {"type": "aws:ec2/vpc:Vpc", "properties": {"tags": {"a": "${l9}"}}}}}))
open(f"{d}/deep-flow.yaml", "w").write("resources: " + "{a: " * 20000 + "1" + "}" * 20000)
open(f"{d}/deep-array.json", "w").write("[" * 40000 + "]" * 40000)
PY

printf '%-22s %5s %9s %10s  %s\n' input exit seconds "peak MiB" "stderr (first line)"
for input in "$dir/join-aliases.yaml" "$dir/join-variables.json" "$dir/deep-flow.yaml" "$dir/deep-array.json" /dev/zero; do
  set +e
  /usr/bin/time -f '%e %M' -o "$dir/time" timeout 120 "$check" check "$input" >/dev/null 2>"$dir/err"
  code=$?
  set -e
  read -r seconds kib < <(tail -n 1 "$dir/time") || true
  printf '%-22s %5s %9s %10.0f  %s\n' "$(basename "$input")" "$code" "$seconds" "$((${kib:-0} / 1024))" "$(grep -v '^ *at ' "$dir/err" | head -n 1 | cut -c1-90)"
done
