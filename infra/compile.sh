#!/bin/sh
# The Pulumi YAML compiler command (Pulumi.yaml: `compiler: sh infra/compile.sh`). Prints ONLY the template on
# stdout. Pulumi runs it at least four times per `pulumi up`, so the common path is one staleness check made of shell
# built-ins (no find, no dotnet) and an exec of the built compiler:
#   - a Native AOT executable when clang and zlib are installed (Debian: apt-get install -y clang zlib1g-dev);
#   - otherwise the framework build, run with `dotnet <dll>` (never `dotnet run`: it writes "Building..." to stdout).
# FARGATE_COMPILER_AOT=0 forces the framework build. A rebuild (missing, or older than a source file) writes all its
# output on stderr, holds a lock (flock, when installed) so that concurrent runs on a stale build wait for one build
# instead of contending for the same files, builds into a fresh folder, and switches the `current` link to it with
# one rename, so a run that already started keeps a complete build.
set -eu
# No subshells on the common path: every fork shows in a run this short.
case $0 in */*) root="${0%/*}/.." ;; *) root=.. ;; esac
out="$root/artifacts/compiler"
current="$out/current"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Sets exe to the built compiler if it is newer than every source, else to nothing (shell built-ins only).
fresh() {
  exe=
  for candidate in "$current/fargate-network-compiler" "$current/fargate-network-compiler.dll"; do
    [ -f "$candidate" ] || continue
    # The compiler runs the policy pack on its own output: the core, the SDK library and the pack library are sources too.
    for src in "$root"/infra/*.cs "$root"/infra/*/*.cs "$root"/infra/*.csproj "$root"/core/*.cs "$root"/core/*/*.cs "$root"/core/*.csproj \
        "$root"/sdk/StackRules/*.csproj "$root"/sdk/StackRules/*/*.cs \
        "$root"/policies/*.csproj "$root"/policies/*/*.cs "$root"/policies/*/*/*.cs "$root"/Directory.*.props "$root/global.json"; do
      if [ -e "$src" ] && [ "$src" -nt "$candidate" ]; then
        return 0
      fi
    done
    exe=$candidate
    return 0
  done
}

build() {
  aot=${FARGATE_COMPILER_AOT:-auto}
  if [ "$aot" = auto ]; then
    if command -v clang >/dev/null 2>&1 && [ -e /usr/include/zlib.h ]; then aot=1; else aot=0; fi
  fi
  target="$out/build.$$"
  rm -rf "$target"
  if [ "$aot" = 1 ]; then
    rid=$(dotnet --info | awk '/^ *RID:/ {print $2; exit}')
    dotnet publish "$root/infra/FargateNetwork.Infra.csproj" -c Release -r "$rid" -p:PublishAot=true \
      -o "$target" -nologo -v q >&2 || return 1
    rm -f "$target"/*.dbg "$target"/*.pdb "$target"/*.xml
  else
    dotnet build "$root/infra/FargateNetwork.Infra.csproj" -c Release -o "$target" -nologo -v q >&2 || return 1
  fi
  # The executable's time is when the sources were read: touch it so a slow build does not look stale at once.
  touch "$target"/fargate-network-compiler*
  ln -s "build.$$" "$out/current.$$"
  mv -fT "$out/current.$$" "$current" 2>/dev/null || { rm -f "$current"; mv -f "$out/current.$$" "$current"; }
  # Keep the build just replaced (a run may still be loading it); remove older ones.
  for old in "$out"/build.*; do
    [ "$old" = "$target" ] || [ "$old" = "$out/build.*" ] || [ "$old" = "${previous:-}" ] || rm -rf "$old"
  done
}

fresh
if [ -z "$exe" ]; then
  root=$(cd "$root" && pwd)
  out="$root/artifacts/compiler"
  current="$out/current"
  mkdir -p "$out"
  if command -v flock >/dev/null 2>&1; then
    exec 9>"$out/.lock"
    flock 9
  fi
  previous=$(readlink "$current" 2>/dev/null | sed "s|^|$out/|") || previous=
  fresh
  if [ -z "$exe" ]; then
    build || { echo "fargate-network: building the compiler failed (see above)" >&2; exit 1; }
    fresh
    [ -n "$exe" ] || { echo "fargate-network: the compiler build produced no executable" >&2; exit 1; }
  fi
  exec 9>&-
fi
case "$exe" in
  *.dll) exec dotnet "$exe" "$@" ;;
  *) exec "$exe" "$@" ;;
esac
