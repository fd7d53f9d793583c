// The Language emulator (`pipeline emulate-language`) driven by the official @azure/ai-language-text SDK with its
// default options. The only option set is allowInsecureConnection, which the SDK needs for an http:// endpoint.
// LANGUAGE_ENDPOINT and LANGUAGE_KEY name the emulator; tests/Pipeline.Contracts.Tests/LanguageSdkContractTests.cs starts it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { AzureKeyCredential, TextAnalysisClient } from "@azure/ai-language-text";

const endpoint = process.env.LANGUAGE_ENDPOINT;
const key = process.env.LANGUAGE_KEY;
assert.ok(endpoint && key, "LANGUAGE_ENDPOINT and LANGUAGE_KEY must be set");

const client = new TextAnalysisClient(endpoint, new AzureKeyCredential(key), { allowInsecureConnection: true });

// Offsets by each stringIndexType's unit, counted the way a JavaScript caller would.
const graphemes = (text) => [...new Intl.Segmenter("en", { granularity: "grapheme" }).segment(text)].map((s) => s.segment);
const codePoints = (text) => Array.from(text);
// TextElements_v8 as the service's recorded answers count it: a base character and the combining marks after it
// (.NET Framework's StringInfo), so each code point of a ZWJ sequence or a skin-tone modifier is an element of its own.
const textElementsV8 = (text) => text.match(/\P{M}\p{M}*|\p{M}+/gu) ?? [];
const slice = (units, offset, length) => units.slice(offset, offset + length).join("");

// A combining acute accent, an astral letter and an astral emoji before the entities: each index type counts them differently.
const unicodeText = "Cafe\u0301 \u{1D4B3} \u{1F600} Angela Merkel visited Paris on Monday.";
const family = "\u{1F469}\u200D\u{1F469}\u200D\u{1F467}\u{1F3FD}";

/** Runs one call and returns the SDK's results together with the raw body the emulator answered. */
async function analyzeWithBody(kind, documents, options = {}) {
  let body;
  const results = await client.analyze(kind, documents, { ...options, onResponse: (raw) => { body = JSON.parse(raw.bodyAsText); } });
  return { results, body };
}

async function assertRejected(promise, statusCode, code) {
  await assert.rejects(promise, (error) => {
    assert.equal(error.name, "RestError");
    assert.equal(error.statusCode, statusCode);
    assert.equal(error.code, code);
    assert.doesNotMatch(error.message, /Pipeline\.|System\./);
    return true;
  });
}

test("EntityRecognition with default options counts offsets in TextElements_v8 (grapheme clusters here)", async () => {
  const [result] = await client.analyze("EntityRecognition", [{ id: "0", text: unicodeText, language: "en" }]);
  assert.equal(result.error, undefined);
  assert.deepEqual(result.warnings, []);
  const units = graphemes(unicodeText);
  assert.deepEqual(result.entities.map((e) => e.text).filter((t) => t === "Angela Merkel" || t === "Paris"), ["Angela Merkel", "Paris"]);
  for (const entity of result.entities) assert.equal(slice(units, entity.offset, entity.length), entity.text);
  assert.equal(result.entities.find((e) => e.text === "Angela Merkel").offset, 9);
});

test("UnicodeCodePoint offsets slice the text by code points", async () => {
  const [result] = await client.analyze("EntityRecognition", [{ id: "0", text: unicodeText, language: "en" }], { stringIndexType: "UnicodeCodePoint" });
  const units = codePoints(unicodeText);
  for (const entity of result.entities) assert.equal(slice(units, entity.offset, entity.length), entity.text);
  assert.equal(result.entities.find((e) => e.text === "Angela Merkel").offset, 10);
});

test("Utf16CodeUnit offsets slice the text as a JavaScript string", async () => {
  const [result] = await client.analyze("EntityRecognition", [{ id: "0", text: unicodeText, language: "en" }], { stringIndexType: "Utf16CodeUnit" });
  for (const entity of result.entities) assert.equal(unicodeText.slice(entity.offset, entity.offset + entity.length), entity.text);
  assert.equal(result.entities.find((e) => e.text === "Angela Merkel").offset, 12);
});

test("TextElements_v8 counts each code point of a ZWJ family with a skin tone, as the service does", async () => {
  const text = `${family} Angela Merkel visited Paris.`;
  const [result] = await client.analyze("EntityRecognition", [{ id: "0", text, language: "en" }], { stringIndexType: "TextElements_v8" });
  const merkel = result.entities.find((e) => e.text === "Angela Merkel");
  assert.equal(merkel.offset, 7);
  assert.equal(slice(textElementsV8(text), merkel.offset, merkel.length), "Angela Merkel");
  assert.equal(graphemes(text).indexOf("A"), 2, "Intl.Segmenter sees the family as one grapheme; the service's v8 elements do not");
});

test("SentimentAnalysis sentences slice the text in every index type", async () => {
  const text = `${family} The food was delicious. Cafe\u0301 \u{1D4B3} service was slow.`;
  const cases = [
    [undefined, graphemes], // the SDK's default sends no stringIndexType: the service's TextElements_v8
    ["TextElements_v8", textElementsV8],
    ["UnicodeCodePoint", codePoints],
    ["Utf16CodeUnit", (t) => [...t].flatMap((c) => c.split(""))],
  ];
  for (const [stringIndexType, units] of cases) {
    const options = stringIndexType ? { stringIndexType } : {};
    const [result] = await client.analyze("SentimentAnalysis", [{ id: "0", text, language: "en" }], options);
    assert.equal(result.error, undefined, stringIndexType);
    assert.deepEqual(result.warnings, []);
    assert.equal(result.sentences.length, 2);
    // Intl.Segmenter agrees with v8 from the first sentence on only when no ZWJ sequence precedes it, so the default is checked by v8 units.
    const counted = stringIndexType ? units(text) : textElementsV8(text);
    for (const sentence of result.sentences) assert.equal(slice(counted, sentence.offset, sentence.length), sentence.text, stringIndexType);
    assert.deepEqual(result.sentences.map((s) => s.opinions), [[], []]);
  }
});

test("Opinion mining links targets to assessments the SDK resolves, with offsets in the requested unit", async () => {
  const text = "Cafe\u0301 \u{1F600}. The staff were not friendly and the food was delicious.";
  for (const [stringIndexType, units] of [["TextElements_v8", graphemes(text)], ["UnicodeCodePoint", codePoints(text)]]) {
    const [result] = await client.analyze("SentimentAnalysis", [{ id: "0", text, language: "en" }], { includeOpinionMining: true, stringIndexType });
    const opinions = result.sentences.flatMap((s) => s.opinions);
    assert.deepEqual(opinions.map((o) => [o.target.text, o.target.sentiment, o.assessments.map((a) => [a.text, a.sentiment, a.isNegated])]), [
      ["staff", "negative", [["friendly", "negative", true]]],
      ["food", "positive", [["delicious", "positive", false]]],
    ]);
    for (const { target, assessments } of opinions) {
      assert.equal(slice(units, target.offset, target.length), target.text);
      assert.ok(target.confidenceScores.positive + target.confidenceScores.negative > 0.99);
      for (const assessment of assessments) assert.equal(slice(units, assessment.offset, assessment.length), assessment.text);
    }
  }
});

test("EntityLinking answers one entity per canonical id with every match at its offset, in the default and the requested unit, places by geonameid", async () => {
  const text = "Cafe\u0301 \u{1F600} The US and NATO met in Brussels. The United States said NATO would act.";
  const [result] = await client.analyze("EntityLinking", [{ id: "0", text, language: "en" }]);
  assert.equal(result.error, undefined);
  assert.deepEqual(result.warnings, []);
  const unitedStates = result.entities.find((e) => e.dataSourceEntityId === "United States");
  assert.deepEqual([unitedStates.name, unitedStates.dataSource, unitedStates.language], ["United States", "iso3166", "en"]);
  assert.deepEqual(unitedStates.matches.map((m) => [m.text, m.offset, m.length]), [["US", 11, 2], ["United States", 44, 13]]);
  const nato = result.entities.find((e) => e.dataSource === "aliases");
  assert.deepEqual(nato.matches.map((m) => m.text), ["NATO", "NATO"]);
  const brussels = result.entities.find((e) => e.name === "Brussels");
  assert.deepEqual([brussels.dataSource, brussels.dataSourceEntityId, brussels.matches.map((m) => m.text)], ["geonames", "2800866", ["Brussels"]]);
  const units = graphemes(text);
  for (const entity of result.entities) for (const match of entity.matches) assert.equal(slice(units, match.offset, match.length), match.text);

  const [utf16] = await client.analyze("EntityLinking", [{ id: "0", text, language: "en" }], { stringIndexType: "Utf16CodeUnit" });
  assert.equal(utf16.entities.find((e) => e.dataSourceEntityId === "United States").matches[0].offset, 13);
  for (const entity of utf16.entities) for (const match of entity.matches) assert.equal(text.slice(match.offset, match.offset + match.length), match.text);
});

test("KeyPhraseExtraction and LanguageDetection answer the SDK's parameter-less requests", async () => {
  const [phrases] = await client.analyze("KeyPhraseExtraction", ["The city council approved the new budget."]);
  assert.equal(phrases.error, undefined);
  assert.deepEqual(phrases.warnings, []);
  assert.ok(phrases.keyPhrases.includes("budget"), phrases.keyPhrases.join(", "));

  const [language] = await client.analyze("LanguageDetection", ["Bonjour tout le monde, je suis très content de vous voir."]);
  assert.equal(language.error, undefined);
  assert.deepEqual(language.warnings, []);
  assert.equal(language.primaryLanguage.iso6391Name, "fr");
  assert.equal(language.primaryLanguage.name, "French");
  assert.ok(language.primaryLanguage.confidenceScore > 0 && language.primaryLanguage.confidenceScore <= 1);
});

test("Empty, too long and unsupported-language documents fail alone while the rest succeed", async () => {
  const documents = [
    { id: "ok", text: "The talks in Berlin went well.", language: "en" },
    { id: "empty", text: "", language: "en" },
    { id: "long", text: "e\u0301".repeat(5121), language: "en" },
    { id: "german", text: "Die Gespräche in Berlin verliefen gut.", language: "de" },
  ];
  const results = await client.analyze("SentimentAnalysis", documents);
  assert.deepEqual(results.map((r) => [r.id, r.error?.code]), [["ok", undefined], ["empty", "InvalidDocument"], ["long", "InvalidDocument"], ["german", "UnsupportedLanguageCode"]]);
  assert.equal(results[1].error.message, "Document text is empty.");
  assert.match(results[3].error.message, /^Invalid language code 'de'\. Supported languages: en\./);

  const [unsupported] = await client.analyze("KeyPhraseExtraction", [{ id: "0", text: "こんにちは世界", language: "ja" }]);
  assert.equal(unsupported.error.code, "UnsupportedLanguageCode");
});

test("Too many documents for the kind and duplicate ids fail the batch with a RestError", async () => {
  const six = Array.from({ length: 6 }, (_, i) => ({ id: String(i), text: "Berlin is big.", language: "en" }));
  await assertRejected(client.analyze("EntityRecognition", six), 400, "InvalidDocumentBatch");
  await assertRejected(client.analyze("EntityLinking", six), 400, "InvalidDocumentBatch");
  const eleven = Array.from({ length: 11 }, (_, i) => ({ id: String(i), text: "Berlin is big.", language: "en" }));
  await assertRejected(client.analyze("SentimentAnalysis", eleven), 400, "InvalidDocumentBatch");
  await assertRejected(client.analyze("KeyPhraseExtraction", [{ id: "1", text: "One." }, { id: "1", text: "Two." }]), 400, "InvalidDocument");
});

test("includeStatistics adds document and batch statistics", async () => {
  const documents = [
    { id: "1", text: "x".repeat(1500), language: "en" },
    { id: "2", text: unicodeText, language: "en" },
    { id: "3", text: "", language: "en" },
  ];
  const { results, body } = await analyzeWithBody("KeyPhraseExtraction", documents, { includeStatistics: true });
  assert.deepEqual(results.map((r) => r.statistics), [
    { characterCount: 1500, transactionCount: 2 },
    { characterCount: graphemes(unicodeText).length, transactionCount: 1 },
    undefined,
  ]);
  assert.deepEqual(body.results.statistics, { documentsCount: 3, validDocumentsCount: 2, erroneousDocumentsCount: 1, transactionsCount: 3 });

  const { results: plain, body: plainBody } = await analyzeWithBody("KeyPhraseExtraction", documents.slice(0, 1));
  assert.equal(plain[0].statistics, undefined);
  assert.equal(plainBody.results.statistics, undefined);
});

test("modelVersion latest resolves to the emulator's model, which can be pinned; an unknown one is refused", async () => {
  // Options go third only with document objects; with a string array the third argument is the country hint.
  const hello = [{ id: "0", text: "Hello world" }];
  const { body } = await analyzeWithBody("LanguageDetection", hello, { modelVersion: "latest" });
  assert.match(body.results.modelVersion, /^offline-\d+\.\d+\.\d+$/);
  const pinned = await client.analyze("LanguageDetection", hello, { modelVersion: body.results.modelVersion });
  assert.equal(pinned[0].error, undefined);
  await assertRejected(client.analyze("LanguageDetection", hello, { modelVersion: "2022-10-01" }), 400, "ModelVersionIncorrect");
});

test("Kinds the emulator does not serve get a clean service-shaped error", async () => {
  await assertRejected(client.analyze("PiiEntityRecognition", ["Call me at 555-0100."]), 400, "InvalidParameterValue");
});

test("A wrong key is refused with 401", async () => {
  const stranger = new TextAnalysisClient(endpoint, new AzureKeyCredential("wrong-key"), { allowInsecureConnection: true, retryOptions: { maxRetries: 0 } });
  await assert.rejects(stranger.analyze("LanguageDetection", ["Hello"]), (error) => error.statusCode === 401);
});
