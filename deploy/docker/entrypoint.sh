#!/bin/sh
# entrypoint.sh SERVICE [migrate]
set -eu
service="${1:?usage: entrypoint.sh SERVICE [migrate]}"
case "$service" in *[!a-z0-9-]*) echo "bad service name: $service" >&2; exit 64 ;; esac
entry="dist/services/$service/src/main.js"
[ "${2:-}" = "migrate" ] && entry="dist/services/$service/src/database/migrate.js"
[ -f "/app/$entry" ] || { echo "no such service entry: $entry" >&2; exit 64; }
# Path aliases (@lianxin/*) resolve to the compiled libraries.
export TS_NODE_PROJECT=/app/tsconfig.runtime.json
exec node --enable-source-maps -r tsconfig-paths/register "/app/$entry"
