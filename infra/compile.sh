#!/bin/sh
# The Pulumi YAML compiler command (Pulumi.yaml: `compiler: sh infra/compile.sh`). Prints ONLY the template on
# stdout. Builds the compiler (Release, all build output on stderr) when its dll is missing or older than any source
# file, then execs `dotnet <dll>` (never `dotnet run`: it writes "Building..." to stdout).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/artifacts/compiler"
dll="$out/fargate-network-compiler.dll"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

stale=yes
if [ -f "$dll" ]; then
  stale=$(find "$root/infra" "$root"/Directory.*.props "$root/global.json" \
    \( -path "$root/infra/bin" -o -path "$root/infra/obj" \) -prune -o \
    \( -name '*.cs' -o -name '*.csproj' -o -name 'Directory.*.props' -o -name 'global.json' \) \
    -newer "$dll" -print 2>/dev/null | head -n 1)
fi
if [ -n "$stale" ]; then
  dotnet build "$root/infra/FargateNetwork.Infra.csproj" -c Release -o "$out" -nologo -v q >&2 \
    || { echo "fargate-network: building the compiler failed (see above)" >&2; exit 1; }
  touch "$dll"
fi
exec dotnet "$dll" "$@"
