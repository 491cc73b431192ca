#!/usr/bin/env bash
# Builds the web application into the directory given (the jar's org/spil/web/app), with the
# machine's Node 20 and npm: packages come from the committed package-lock.json (npm ci), installed
# again only when the lock file is newer than what node_modules holds.
set -euo pipefail
cd "$(dirname "$0")"
OUT="${1:?give the output directory}"
if ! command -v npm >/dev/null 2>&1; then
  echo "spil-web: building the web application needs Node 20 and npm (apt-get install nodejs npm)" >&2
  exit 1
fi
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
npx tsc --noEmit -p .
npx vite build --outDir "$OUT" --emptyOutDir --logLevel warn
