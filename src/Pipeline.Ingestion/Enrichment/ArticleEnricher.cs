using System.Globalization;
using Microsoft.Extensions.Options;
using Pipeline.Analysis.Entities;
using Pipeline.Ingestion.Parsing;

namespace Pipeline.Ingestion.Enrichment;

/// <summary>
/// Bytes of one article file in, enriched document out: parse, normalise, analyse, stamp. No storage involved.
/// A pathological article (megabytes of one repeated sentence) would otherwise produce hundreds of thousands of entries:
/// the lists are capped by <see cref="EnrichmentOptions"/>, the statistics keep the full counts.
public sealed class ArticleEnricher(ChunkedTextAnalysis analyzer, IOptions<EnrichmentOptions> options, TimeProvider clock)
{
    public async Task<EnrichedArticle> EnrichAsync(BlobSnapshot blob, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var budget = new ComputeBudget(options.Value.ComputeBudget, clock);
        var article = await budget.RunAsync("parse", _ => Task.FromResult(ArticleParser.Parse(blob.Name, content.Span, blob.ContentType)), cancellationToken).ConfigureAwait(false);
        var analysis = analyzer.Info.ComputesLocally
            ? await budget.RunAsync("analyze", ct => analyzer.AnalyzeAsync(article.Text, article.Language, options.Value.MaxSentences, ct), cancellationToken).ConfigureAwait(false)
            : await analyzer.AnalyzeAsync(article.Text, article.Language, options.Value.MaxSentences, cancellationToken).ConfigureAwait(false);
        // Linked here, after whichever analyzer ran, and over every mention: a surname is resolved from a full name the cap may cut.
        var entities = EntityCanonicalizer.Default.Canonicalize(article.Text, analysis.Entities);

        return new EnrichedArticle
        {
            ArticleId = ArticleIdentity.ArticleId(blob.Container, blob.Name),
            ContentHash = ArticleIdentity.ContentHash(article.Text),
            Source = new ArticleSource
            {
                Container = blob.Container,
                Name = blob.Name,
                ETag = blob.ETag,
                LastModified = blob.LastModified,
                Format = article.Format,
                Url = article.Url,
                Publisher = article.Publisher,
                ExternalId = article.ExternalId,
            },
            Title = article.Title,
            Language = analysis.Language,
            PublishedAt = article.PublishedAt,
            IngestedAt = clock.GetUtcNow(),
            Text = article.Text,
            Statistics = Statistics(article.Text, analysis),
            Sentiment = new ArticleSentiment(
                analysis.Sentiment.Label,
                analysis.Sentiment.Scores,
                analysis.Sentences.Select(s => new SentenceSpan(s.Offset, s.Length, s.Sentiment, s.ConfidenceScores)).ToList()),
            Entities = entities.Count <= options.Value.MaxEntities ? entities : entities.Take(options.Value.MaxEntities).ToList(),
            KeyPhrases = analysis.KeyPhrases,
            Analyzer = new AnalyzerStamp(analyzer.Info.Name, analyzer.Info.Version, analysis.TextRecords),
        };
    }

    private static TextStatistics Statistics(string text, ArticleAnalysis analysis)
    {
        int words = 0;
        bool inWord = false;
        foreach (char c in text)
        {
            bool wordChar = char.IsLetterOrDigit(c);
            if (wordChar && !inWord) words++;
            inWord = wordChar || (inWord && c is '\'' or '’' or '-');
        }
        int paragraphs = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length;
        return new TextStatistics(text.Length, new StringInfo(text).LengthInTextElements, words, analysis.SentenceCount, paragraphs, analysis.Chunks, analysis.Entities.Count);
    }
}

/// <summary>The facts about the source blob that the enriched document records, and the Content-Type its uploader declared.</summary>
public sealed record BlobSnapshot(string Container, string Name, string ETag, DateTimeOffset LastModified, string? ContentType = null);
