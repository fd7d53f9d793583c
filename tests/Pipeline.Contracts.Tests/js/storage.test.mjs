// A newsroom, a dashboard and a queue consumer written with the official Azure Storage SDKs for JavaScript, unmodified and
// with their default options, against a running local pipeline (connection string in PIPELINE_STORAGE).
// PIPELINE_PHASE=newsroom (default) uploads, puts messages on the queues and reads the results; run it twice (PIPELINE_ROUND
// first, then second) and the second round is a revision of every article. PIPELINE_PHASE=consumer reads articles-enriched
// while the pipeline's own summarizer is switched off, so the messages stay there to be read, and reads the deletion events
// on articles-deleted (its retraction function is switched off too) with the official Event Grid SDK.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { BlobServiceClient } from '@azure/storage-blob';
import { QueueServiceClient } from '@azure/storage-queue';
import { TableClient } from '@azure/data-tables';
import { EventGridDeserializer, isSystemEvent } from '@azure/eventgrid';

const connectionString = process.env.PIPELINE_STORAGE;
const dashboard = process.env.PIPELINE_API;
assert.ok(connectionString, 'PIPELINE_STORAGE must hold the storage connection string');
const phase = process.env.PIPELINE_PHASE ?? 'newsroom';
const round = process.env.PIPELINE_ROUND ?? 'first';

const blobService = BlobServiceClient.fromConnectionString(connectionString);
const queueService = QueueServiceClient.fromConnectionString(connectionString);
const articles = blobService.getContainerClient('articles');

/** The pipeline's article id: the first 32 hex characters of SHA-256 over "articles/{name}" (the name exactly as stored). */
const articleId = (name) => createHash('sha256').update(`articles/${name}`, 'utf8').digest('hex').slice(0, 32);
const unquote = (etag) => etag.replace(/^"|"$/g, '');
const base64 = (text) => Buffer.from(text, 'utf8').toString('base64');

/** Polls until probe() returns { done: true, value } or the time is up; never a fixed sleep. */
async function until(what, probe, { timeoutMs = 90_000, intervalMs = 200 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const last = await probe();
    if (last.done) return last.value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}; last: ${JSON.stringify(last.detail ?? null)}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

async function readJsonBlob(container, name) {
  try {
    // One GET reads one version whole. downloadToBuffer asks the size first and then reads, so a read that straddles the
    // summary's rewrite (every fold replaces summaries/latest.json) fails with "Stream drains before getting enough data".
    const response = await blobService.getContainerClient(container).getBlobClient(name).download();
    const chunks = [];
    for await (const chunk of response.readableStreamBody) chunks.push(chunk);
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (error) {
    if (error.statusCode === 404) return null;
    throw error;
  }
}

/**
 * Reads one articles-enriched message as any consumer must (docs/consuming-the-queue.md): the body is Base64 of UTF-8 JSON;
 * schemaVersion 1 is the only version; the message is either the enriched document itself or, when that is too large for a
 * queue message, a claim-check reference whose enrichedBlob ("enriched/{articleId}.json") holds the document.
 */
export async function readEnrichedMessage(messageText, blobs) {
  const message = JSON.parse(Buffer.from(messageText, 'base64').toString('utf8'));
  if (message.schemaVersion !== 1) throw new Error(`schemaVersion ${message.schemaVersion} is not supported`);
  if (!/^[0-9a-f]{32}$/.test(message.articleId)) throw new Error('the message names no articleId');
  if (typeof message.enrichedBlob !== 'string') return { reference: null, document: message };
  const [container, ...path] = message.enrichedBlob.split('/');
  const document = JSON.parse((await blobs.getContainerClient(container).getBlobClient(path.join('/')).downloadToBuffer()).toString('utf8'));
  if (document.articleId !== message.articleId) throw new Error(`${message.enrichedBlob} holds article ${document.articleId}`);
  return { reference: message, document };
}

// ---------------------------------------------------------------------------------------------------------------------
// Newsroom and dashboard
// ---------------------------------------------------------------------------------------------------------------------

const revision = round === 'first' ? 'one' : 'two';
const story = (city, country) => `Officials in ${city} said on Monday that the new ferry line to ${country} will open in spring. Revision ${revision}.`;
const nfc = `unicode/Caf\u00e9 Z\u00fcrich.txt`;
const nfd = `unicode/Cafe\u0301 Zu\u0308rich.txt`;
const uploads = [
  { name: 'wire/2026/12/x.txt', contentType: 'text/plain; charset=utf-8', metadata: { desk: 'wire', feed: 'reuters' }, text: `Wire ${revision}\n\n${story('Oslo', 'Denmark')}` },
  { name: 'features/harbour.md', contentType: 'text/markdown; charset=utf-8', metadata: { desk: 'features' }, text: `# Harbour ${revision}\n\n${story('Gdansk', 'Sweden')}` },
  { name: 'web/ferry.html', contentType: 'text/html; charset=utf-8', metadata: {}, text: `<html><head><title>Ferry ${revision}</title></head><body><article><p>${story('Lisbon', 'Morocco')}</p></article></body></html>` },
  { name: 'feeds/item.json', contentType: 'application/json', metadata: { feed: 'partner' }, text: JSON.stringify({ title: `Feed ${revision}`, body: story('Tallinn', 'Finland') }) },
  { name: nfc, contentType: 'text/plain; charset=utf-8', metadata: {}, text: `Caf\u00e9 ${revision}\n\n${story('Z\u00fcrich', 'Italy')}` },
  { name: nfd, contentType: 'text/plain; charset=utf-8', metadata: {}, text: `Cafe\u0301 ${revision}\n\n${story('Zu\u0308rich', 'Austria')}` },
  { name: 'unicode/\u{1F4F0} Morning brief.txt', contentType: 'text/plain; charset=utf-8', metadata: {}, text: `Brief \u{1F30D} ${revision}\n\n${story('Bergen', 'Iceland')}` },
  // No extension: the format comes from the Content-Type, as wire feeds name their files.
  { name: 'wire/afp-20261203', contentType: 'text/plain; charset=utf-8', metadata: { feed: 'afp' }, text: `AFP ${revision}\n\n${story('Marseille', 'Algeria')}` },
];
const revised = { name: 'desk/revised.txt', draft: `Draft ${revision}\n\n${story('Riga', 'Germany')}`, final: `Final ${revision}\n\n${story('Riga', 'Poland')}` };
const afterPlain = { name: 'flow/after-plain-messages.txt', text: `Flow ${revision}\n\n${story('Split', 'Croatia')}` };
const expectedArticles = uploads.length + 2; // revised and afterPlain are one article each, however often uploaded
const spiked = { name: 'desk/spiked.txt', text: `Spiked ${revision}\n\n${story('Vilnius', 'Latvia')}` };
const uploaded = new Map(); // name -> etag of the version that must win

test('a newsroom uploads articles with content types, metadata, virtual folders, Unicode names and an overwrite', { skip: phase !== 'newsroom' }, async () => {
  await articles.createIfNotExists();
  for (const upload of uploads) {
    const response = await articles.getBlockBlobClient(upload.name).upload(upload.text, Buffer.byteLength(upload.text), {
      blobHTTPHeaders: { blobContentType: upload.contentType },
      metadata: upload.metadata,
    });
    uploaded.set(upload.name, response.etag);
  }
  const client = articles.getBlockBlobClient(revised.name);
  await client.upload(revised.draft, Buffer.byteLength(revised.draft), { blobHTTPHeaders: { blobContentType: 'text/plain; charset=utf-8' } });
  const final = await client.upload(revised.final, Buffer.byteLength(revised.final), { blobHTTPHeaders: { blobContentType: 'text/plain; charset=utf-8' } });
  uploaded.set(revised.name, final.etag);

  assert.notEqual(nfc, nfd);
  assert.equal(nfc.normalize('NFC'), nfd.normalize('NFC'));
  const listed = new Map();
  for await (const blob of articles.listBlobsFlat({ prefix: 'unicode/' })) listed.set(blob.name, blob);
  assert.ok(listed.has(nfc) && listed.has(nfd), `both normalisation forms are stored as sent: ${[...listed.keys()].join(', ')}`);
  const folders = [];
  for await (const item of articles.listBlobsByHierarchy('/', { prefix: 'wire/' })) folders.push(item.kind === 'prefix' ? item.name : `blob:${item.name}`);
  assert.deepEqual(folders.sort(), ['blob:wire/afp-20261203', 'wire/2026/']);
  const properties = await articles.getBlobClient('wire/2026/12/x.txt').getProperties();
  assert.equal(properties.contentType, 'text/plain; charset=utf-8');
  assert.deepEqual(properties.metadata, { desk: 'wire', feed: 'reuters' });
});

test('plain-text messages on every queue the pipeline reads end in the poison queues and stop nothing', { skip: phase !== 'newsroom' }, async () => {
  const marker = randomUUID();
  const plain = {
    'articles-enriched': JSON.stringify({ schemaVersion: 1, articleId: articleId('plain/never.txt'), marker }),
    'webjobs-blobtrigger': JSON.stringify({ Type: 'BlobTrigger', ContainerName: 'articles', BlobName: 'plain/never.txt', ETag: '"0x1"', marker }),
  };
  for (const [queue, text] of Object.entries(plain)) await queueService.getQueueClient(queue).sendMessage(text);

  for (const queue of Object.keys(plain)) {
    const poison = queueService.getQueueClient(`${queue}-poison`);
    await until(`the plain message on ${queue} to reach ${queue}-poison`, async () => {
      const { peekedMessageItems } = (await poison.exists()) ? await poison.peekMessages({ numberOfMessages: 32 }) : { peekedMessageItems: [] };
      return { done: peekedMessageItems.some((m) => m.messageText === plain[queue]), detail: peekedMessageItems.length };
    });
  }
  // The pipeline goes on: this article arrives after both.
  const response = await articles.getBlockBlobClient(afterPlain.name).upload(afterPlain.text, Buffer.byteLength(afterPlain.text));
  uploaded.set(afterPlain.name, response.etag);
});

test('every upload is summarised at its latest revision and counted once', { skip: phase !== 'newsroom' }, async () => {
  // As a dashboard would read the pipeline's article records: head rows of the articles table.
  const table = TableClient.fromConnectionString(connectionString, 'articles', { allowInsecureConnection: isLoopbackHttp(connectionString) });
  await until(`${uploaded.size} uploads to be summarised at their uploaded versions`, async () => {
    const waiting = [];
    for (const [name, etag] of uploaded) {
      const head = await table.getEntity('head', articleId(name)).catch((error) => (error.statusCode === 404 ? null : Promise.reject(error)));
      const summarised = head && unquote(head.CurrentETag) === unquote(etag) && head.Pending === false && head.AppliedHash === head.CurrentHash;
      if (!summarised) waiting.push(name);
    }
    return { done: waiting.length === 0, detail: waiting };
  }, { timeoutMs: 120_000 });

  const summary = await readJsonBlob('summaries', 'latest.json');
  assert.equal(summary.articleCount, expectedArticles);
});

test('summaries/latest.json is schemaVersion 1 with every article once and the latest text of the overwritten one', { skip: phase !== 'newsroom' }, async () => {
  const summary = await readJsonBlob('summaries', 'latest.json');
  assert.equal(summary.schemaVersion, 1);
  assert.equal(summary.articleCount, expectedArticles);
  const latest = new Map(summary.latestArticles.map((a) => [a.articleId, a]));
  for (const name of uploaded.keys()) assert.ok(latest.has(articleId(name)), `${name} is among the latest articles`);
  assert.equal(latest.get(articleId(revised.name)).title, `Final ${revision}`);
  assert.equal(latest.get(articleId(nfc)).title, `Caf\u00e9 ${revision}`);

  const enriched = await readJsonBlob('enriched', `${articleId(revised.name)}.json`);
  assert.equal(enriched.schemaVersion, 1);
  assert.ok(enriched.text.includes('Poland') && !enriched.text.includes('Germany'), 'the final text wins over the draft');
});

test('a file without an extension is summarised by its Content-Type', { skip: phase !== 'newsroom' }, async () => {
  const enriched = await readJsonBlob('enriched', `${articleId('wire/afp-20261203')}.json`);
  assert.ok(enriched, 'wire/afp-20261203 was enriched');
  assert.equal(enriched.source.name, 'wire/afp-20261203');
  assert.equal(enriched.source.format, 'txt');
  assert.equal(enriched.title, `AFP ${revision}`);
});

test('Base64 messages on every queue the pipeline reads are processed, not poisoned, and count nothing twice', { skip: phase !== 'newsroom' }, async () => {
  const poisonDepth = async () => {
    let total = 0;
    for (const queue of ['articles-enriched-poison', 'webjobs-blobtrigger-poison']) total += (await queueService.getQueueClient(queue).getProperties()).approximateMessagesCount;
    return total;
  };
  const poisonedBefore = await poisonDepth();
  const name = 'wire/2026/12/x.txt';
  const document = await readJsonBlob('enriched', `${articleId(name)}.json`);
  await queueService.getQueueClient('articles-enriched').sendMessage(base64(JSON.stringify(document)));
  await queueService.getQueueClient('webjobs-blobtrigger').sendMessage(base64(JSON.stringify({
    Type: 'BlobTrigger', ContainerName: 'articles', BlobName: name, ETag: uploaded.get(name),
  })));

  await until('both queues to be drained', async () => {
    const depths = [];
    for (const queue of ['articles-enriched', 'webjobs-blobtrigger']) depths.push((await queueService.getQueueClient(queue).getProperties()).approximateMessagesCount);
    return { done: depths.every((d) => d === 0), detail: depths };
  });
  assert.equal(await poisonDepth(), poisonedBefore);
  const summary = await readJsonBlob('summaries', 'latest.json');
  assert.equal(summary.articleCount, expectedArticles);
});

test('a deleted article leaves the summary and the article API answers 410; uploaded again, it counts again', { skip: phase !== 'newsroom' }, async () => {
  const table = TableClient.fromConnectionString(connectionString, 'articles', { allowInsecureConnection: isLoopbackHttp(connectionString) });
  const head = () => table.getEntity('head', articleId(spiked.name)).catch((error) => (error.statusCode === 404 ? null : Promise.reject(error)));
  const client = articles.getBlockBlobClient(spiked.name);
  // Each round uploads the story again (in the second round, after the first round's deletion) and deletes it.
  const upload = await client.upload(spiked.text, Buffer.byteLength(spiked.text));
  await until('the story to be summarised', async () => {
    const row = await head();
    return { done: row && unquote(row.CurrentETag) === unquote(upload.etag) && row.Pending === false && row.AppliedHash === row.CurrentHash, detail: row?.CurrentHash };
  });
  let summary = await readJsonBlob('summaries', 'latest.json');
  assert.equal(summary.articleCount, expectedArticles + 1);
  assert.equal(summary.retractedCount, 0);

  await client.delete();
  summary = await until('the deletion to be retracted', async () => {
    const latest = await readJsonBlob('summaries', 'latest.json');
    return { done: latest.retractedCount === 1, value: latest, detail: latest.retractedCount };
  });
  assert.equal(summary.articleCount, expectedArticles);
  assert.ok(!summary.latestArticles.some((a) => a.articleId === articleId(spiked.name)), 'the story left latestArticles');
  assert.ok((await head()).RetractedAt, 'the head row says when');
  assert.equal(await readJsonBlob('enriched', `${articleId(spiked.name)}.json`), null, 'the withdrawn text is no longer kept');
  const response = await fetch(new URL(`articles/${articleId(spiked.name)}`, dashboard));
  assert.equal(response.status, 410);
  assert.match(response.headers.get('content-type'), /^application\/problem\+json/);
  assert.ok(Date.parse((await response.json()).retractedAt) > 0);
});

/** Table clients refuse plain HTTP unless told; a local pipeline's storage listens on loopback HTTP. */
function isLoopbackHttp(connection) {
  const endpoint = /TableEndpoint=([^;]+)/i.exec(connection)?.[1] ?? '';
  return endpoint.startsWith('http://127.0.0.1:');
}

// ---------------------------------------------------------------------------------------------------------------------
// A consumer of articles-enriched that is not .NET
// ---------------------------------------------------------------------------------------------------------------------

test('a non-.NET consumer reads articles-enriched: Base64, JSON, schemaVersion, inline document or claim check', { skip: phase !== 'consumer' }, async () => {
  const short = { name: 'consumer/short.txt', text: `Short note\n\n${story('Ghent', 'Belgium')}` };
  // Well over 48 KiB of enriched document, so the message is a claim-check reference.
  const long = { name: 'consumer/long.txt', text: `Long report\n\n${Array.from({ length: 700 }, (_, i) => `Paragraph ${i}: ${story('Antwerp', 'the Netherlands')}`).join('\n\n')}` };
  for (const article of [short, long]) await articles.getBlockBlobClient(article.name).upload(article.text, Buffer.byteLength(article.text));

  const queue = queueService.getQueueClient('articles-enriched');
  const wanted = new Set([articleId(short.name), articleId(long.name)]);
  const read = await until('both articles on articles-enriched', async () => {
    const found = new Map();
    for (const message of (await queue.peekMessages({ numberOfMessages: 32 })).peekedMessageItems) {
      const result = await readEnrichedMessage(message.messageText, blobService);
      if (wanted.has(result.document.articleId)) found.set(result.document.articleId, result);
    }
    return { done: found.size === wanted.size, value: found, detail: [...found.keys()] };
  });

  const inline = read.get(articleId(short.name));
  assert.equal(inline.reference, null);
  assert.equal(inline.document.title, 'Short note');
  assert.equal(inline.document.source.name, short.name);
  assert.match(inline.document.contentHash, /^sha256:[0-9a-f]{64}$/);
  assert.ok(['positive', 'neutral', 'negative', 'mixed'].includes(inline.document.sentiment.label));

  const claimCheck = read.get(articleId(long.name));
  assert.ok(claimCheck.reference, 'the long article travels as a reference');
  assert.equal(claimCheck.reference.enrichedBlob, `enriched/${articleId(long.name)}.json`);
  assert.equal(claimCheck.reference.contentHash, claimCheck.document.contentHash);
  assert.equal(claimCheck.document.title, 'Long report');
  assert.ok(Buffer.byteLength(JSON.stringify(claimCheck.document)) > 48 * 1024);

  const guide = await readFile(new URL('../../../docs/consuming-the-queue.md', import.meta.url), 'utf8');
  assert.ok(guide.includes(readEnrichedMessage.toString()), 'docs/consuming-the-queue.md shows readEnrichedMessage exactly as tested here');
});

test('a non-.NET consumer reads the deletion events on articles-deleted with the Event Grid SDK', { skip: phase !== 'consumer' }, async () => {
  const spikedHere = { name: 'consumer/spiked.txt', text: `Spiked note\n\n${story('Ghent', 'Belgium')}` };
  const client = articles.getBlockBlobClient(spikedHere.name);
  await client.upload(spikedHere.text, Buffer.byteLength(spikedHere.text));
  // The scanner announces the deletion of a blob it has seen: wait until the article is enriched.
  await until('the story to be enriched', async () => ({ done: (await readJsonBlob('enriched', `${articleId(spikedHere.name)}.json`)) !== null }));
  await client.delete();

  const queue = queueService.getQueueClient('articles-deleted');
  const deserializer = new EventGridDeserializer();
  const event = await until('the deletion event on articles-deleted', async () => {
    for (const message of (await queue.peekMessages({ numberOfMessages: 32 })).peekedMessageItems) {
      const events = await deserializer.deserializeEventGridEvents(Buffer.from(message.messageText, 'base64').toString('utf8'));
      const found = events.find((e) => e.data?.url === client.url);
      if (found) return { done: true, value: found };
    }
    return { done: false };
  });

  assert.ok(isSystemEvent('Microsoft.Storage.BlobDeleted', event));
  assert.equal(event.subject, `/blobServices/default/containers/articles/blobs/${spikedHere.name}`);
  assert.equal(event.dataVersion, '');
  assert.equal(event.data.api, 'DeleteBlob');
  assert.equal(event.data.blobType, 'BlockBlob');
  assert.ok(event.eventTime instanceof Date && event.eventTime.getTime() <= Date.now());
});
