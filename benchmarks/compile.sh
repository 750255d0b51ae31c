#!/usr/bin/env bash
# Benchmark: one run of the compiler command exactly as Pulumi.yaml states it (`sh infra/compile.sh`), in run mode
# with the prod stack's config in PULUMI_CONFIG, with the binary already built. Pulumi runs it at least four times
# per `pulumi up`. Prints the median and p90 wall time in seconds.
# Usage: benchmarks/compile.sh [N]   (N >= 20, default 30)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-30}
[ "$n" -ge 20 ] || { echo "N must be at least 20" >&2; exit 2; }
command=$(sed -n 's/^ *compiler: *//p' Pulumi.yaml)
[ -n "$command" ] || { echo "no compiler: line in Pulumi.yaml" >&2; exit 1; }

export PULUMI_STACK=prod PULUMI_PROJECT=fargate-network PULUMI_ORGANIZATION=organization PULUMI_ROOT_DIRECTORY=$PWD
export PULUMI_CONFIG='{"aws:region":"ap-northeast-1","fargate-network:topology":"private-endpoints","fargate-network:vpcCidr":"10.20.0.0/16","fargate-network:availabilityZones":"[\"ap-northeast-1a\",\"ap-northeast-1c\",\"ap-northeast-1d\"]","fargate-network:fixedEgress":"{\"destinations\":[\"203.0.113.0/24\",\"198.51.100.10/32\"],\"natGateways\":\"perAz\"}","fargate-network:workload":"{\"kind\":\"service\",\"image\":\"123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/api:1.0\",\"cpu\":1024,\"memory\":2048,\"port\":8080,\"desiredCount\":3,\"secrets\":[{\"name\":\"DB_PASSWORD\",\"valueFrom\":\"arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:prod/db-password-AbCdEf\"}]}","fargate-network:privateLink":"{\"enabled\":true,\"allowedPrincipals\":[\"arn:aws:iam::210987654321:root\"]}","fargate-network:tags":"{\"environment\":\"prod\",\"project\":\"fargate-network\"}","pulumi:tags":"{\"pulumi:template\":\"fargate-network\"}"}'

# Warm-up: builds the compiler if it is missing or stale (not timed), and checks it succeeds.
# shellcheck disable=SC2086
$command >/dev/null </dev/null

times=()
for _ in $(seq "$n"); do
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  $command >/dev/null </dev/null
  end=$(date +%s%N)
  times+=($((end - start)))
done

sorted=$(printf '%s\n' "${times[@]}" | sort -n)
pick() { printf '%s\n' "$sorted" | sed -n "${1}p"; }
median_index=$(( (n + 1) / 2 ))
p90_index=$(( (n * 9 + 9) / 10 ))
awk -v n="$n" -v cmd="$command" -v med="$(pick "$median_index")" -v p90="$(pick "$p90_index")" -v min="$(pick 1)" -v max="$(pick "$n")" \
  'BEGIN { printf "compiler: %s (prod, run mode, %d runs)\nmedian %.3f s  p90 %.3f s  min %.3f s  max %.3f s\n", cmd, n, med/1e9, p90/1e9, min/1e9, max/1e9 }'
