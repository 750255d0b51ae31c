#!/bin/sh
# The AOT hello world started the way Pulumi starts the compiler (`sh infra/compile.sh`): sh, then exec.
exec "${0%/*}/../artifacts/bench/hello/hello-world" "$@"
