using System.Diagnostics;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Pipeline.Runtime;
using Pipeline.Summary;

namespace Pipeline.Operations.Dashboard;

/// <summary>An HTTP answer without any web stack's types, so the Functions app and the local server write the same bytes.</summary>
public sealed record ApiResponse(int StatusCode, ReadOnlyMemory<byte> Body, string? ContentType, IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// The dashboard's HTTP API: the summary and enriched documents as stored (no re-serialisation, the blob's ETag is the
/// HTTP ETag), the status counts, and the page. Every JSON answer carries an ETag and <c>Cache-Control: no-cache</c>, so a
/// poller revalidates with If-None-Match and gets a body-less 304 while nothing changed; for blobs the storage service
/// itself evaluates the condition, so an unchanged summary is not even downloaded.
/// </summary>
public sealed partial class DashboardApi(PipelineStorage storage, PipelineInspector inspector, ArticleRecordStore records, SummaryStore summary, SummaryAggregator aggregator, ILogger<DashboardApi> logger)
{
    /// <summary>Routes under the hosts' <c>/api</c> prefix; docs/openapi.json (served at <see cref="OpenApiRoute"/>) describes each.</summary>
    public const string SummaryRoute = "summary";
    public const string ArticleRoute = "articles/{id}";
    public const string StatusRoute = "status";
    public const string PageRoute = "dashboard";
    public const string EntitiesRoute = "entities";

    /// <summary>{id} is a canonical entity id as one path segment, percent-encoded (<c>geonames%3A2267057</c>; a literal ':' is accepted too).</summary>
    public const string EntityRoute = "entities/{id}";
    public const string OpenApiRoute = "openapi.json";

    /// <summary>The longest search query: longer than any entity name (100 characters).</summary>
    public const int MaxQueryLength = 100;

    private const string Json = "application/json; charset=utf-8";
    private static readonly Lazy<Page> DashboardPage = new(Page.Load);
    private static readonly Lazy<(byte[] Body, string ETag)> OpenApi = new(() =>
    {
        byte[] body = Resource("Pipeline.Operations.Dashboard.openapi.json");
        return (body, HashETag(body));
    });

    /// <summary>The state last read, with its index; replaced when the state's ETag changes (every fold).</summary>
    private EntitySnapshot? _entities;

    /// <summary>
    /// How long after the storage service last confirmed an index current it is still answered from while a read of the
    /// state runs in the background; past it (an API nobody asked for a while) a request waits for the read.
    /// </summary>
    internal TimeSpan ServeStaleFor { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The state read under way, if any, and when it was started; <see cref="_refreshGate"/> guards starting one.</summary>
    private Task<EntitySnapshot?>? _refresh;
    private long _refreshStartedAt;
    private readonly Lock _refreshGate = new();

    /// <summary>
    /// The summary as stored. Once there is one, the first call also starts reading the state behind the entity routes
    /// in the background: a dashboard reads the summary first, so the entity its reader opens is answered from memory.
    /// </summary>
    public async Task<ApiResponse> GetSummaryAsync(string? ifNoneMatch, CancellationToken cancellationToken)
    {
        var response = await BlobAsync(storage.Container(PipelineNames.SummariesContainer).GetBlobClient(PipelineNames.LatestSummaryBlob), ifNoneMatch,
            "No summary yet: nothing has been summarised.", cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is 200 or 304 && Volatile.Read(ref _entities) is null)
            _ = StartRefresh();
        return response;
    }

    /// <summary>
    /// The enriched document; 410 Gone, with when, for an article whose blob was deleted: the head record is read first,
    /// so a document left behind by a race with the delete is never served.
    /// </summary>
    public async Task<ApiResponse> GetArticleAsync(string id, string? ifNoneMatch, CancellationToken cancellationToken)
    {
        if (!ArticleId().IsMatch(id))
            return Problem(400, "An article id is 32 lowercase hex characters.");
        if (await records.GetHeadAsync(id, cancellationToken).ConfigureAwait(false) is { IsRetracted: true, RetractedAt: { } retractedAt })
        {
            return new ApiResponse(410,
                JsonSerializer.SerializeToUtf8Bytes(new GoneBody(410, $"Article {id} was retracted: its blob was deleted at {retractedAt:O}.", retractedAt), DashboardJson.Default.GoneBody),
                "application/problem+json; charset=utf-8", new Dictionary<string, string> { ["Cache-Control"] = "no-cache" });
        }
        return await BlobAsync(storage.Container(PipelineNames.EnrichedContainer).GetBlobClient(EnrichedArticleMessage.BlobName(id)), ifNoneMatch, $"No enriched article {id}.", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Quarantined by reason, poisoned, queue depths. Computed each time; its ETag is a hash of the body.</summary>
    public async Task<ApiResponse> GetStatusAsync(string? ifNoneMatch, CancellationToken cancellationToken)
    {
        var status = await inspector.GetStatusAsync(cancellationToken).ConfigureAwait(false);
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(status, DashboardJson.Default.PipelineStatus);
        return Conditional(body, Json, HashETag(body), ifNoneMatch);
    }

    /// <summary>
    /// Entities whose name or a surface form contains <paramref name="query"/> (case and accents ignored), optionally of one
    /// category, at most <paramref name="limit"/> (1–50, default 20). 400 for a query longer than
    /// <see cref="MaxQueryLength"/>, an unknown category or a bad limit. Before the first fold the answer is empty.
    /// </summary>
    public async Task<ApiResponse> SearchEntitiesAsync(string? query, string? category, string? limit, string? ifNoneMatch, CancellationToken cancellationToken)
    {
        query ??= "";
        if (query.Length > MaxQueryLength)
            return Problem(400, $"q is at most {MaxQueryLength} characters.");
        if (!TryCategory(category, out string? known))
            return Problem(400, $"category is one of {string.Join(", ", ArticleContribution.SummarisedCategories.Order(StringComparer.Ordinal))}.");
        int count = 20;
        if (limit is not null && !(int.TryParse(limit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out count) && count is >= 1 and <= EntityIndex.MaxSearchResults))
            return Problem(400, $"limit is a whole number from 1 to {EntityIndex.MaxSearchResults}.");
        var index = await EntityIndexAsync(current: false, cancellationToken).ConfigureAwait(false);
        var result = index?.Search(query, known, count) ?? new EntitySearchResult(query, known, 0, [], 0);
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(result, DashboardJson.Default.EntitySearchResult);
        return Conditional(body, Json, HashETag(body), ifNoneMatch);
    }

    /// <summary>One entity by canonical id (the host has percent-decoded it): 404 when the summary has no such entity.</summary>
    public async Task<ApiResponse> GetEntityAsync(string id, string? category, string? ifNoneMatch, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 200)
            return Problem(400, "An entity id is a canonical id such as geonames:2267057, percent-encoded in the path (geonames%3A2267057).");
        if (!TryCategory(category, out string? known))
            return Problem(400, $"category is one of {string.Join(", ", ArticleContribution.SummarisedCategories.Order(StringComparer.Ordinal))}.");
        var index = await EntityIndexAsync(current: false, cancellationToken).ConfigureAwait(false);
        // Not in the index answered from: it may be new since, so a 404 is only said by the current state.
        var detail = index?.Find(id, known) ?? (await EntityIndexAsync(current: true, cancellationToken).ConfigureAwait(false))?.Find(id, known);
        if (detail is null)
            return Problem(404, known is null ? $"No entity {id} in the summary." : $"No {known} entity {id} in the summary.");
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(detail, DashboardJson.Default.EntityDetail);
        return Conditional(body, Json, HashETag(body), ifNoneMatch);
    }

    /// <summary>The OpenAPI 3.1 description of every route above (a hand-written resource, checked against both hosts by tests).</summary>
    public static ApiResponse GetOpenApi(string? ifNoneMatch) => Conditional(OpenApi.Value.Body, Json, OpenApi.Value.ETag, ifNoneMatch);

    /// <summary>Categories match case-insensitively ("location" is Location); null or empty means all.</summary>
    private static bool TryCategory(string? category, out string? known)
    {
        known = null;
        if (string.IsNullOrEmpty(category)) return true;
        known = ArticleContribution.SummarisedCategories.FirstOrDefault(c => string.Equals(c, category, StringComparison.OrdinalIgnoreCase));
        return known is not null;
    }

    /// <summary>
    /// The index to answer from, stale-while-revalidate: every request starts a conditional read of the state unless one
    /// is under way (storage answers 304 between folds, so that costs one small request) and answers at once from the
    /// index it has, if storage confirmed that current within <see cref="ServeStaleFor"/>. A fold's new state is thus
    /// downloaded and indexed once, off every caller's path, and the request after it answers from it; the answer's
    /// stateVersion says which state answered. Only the first request (no index yet), and one after
    /// <see cref="ServeStaleFor"/> without any, wait for the read, as does one that asks for the <paramref name="current"/> index:
    /// that one is answered by a read started after it arrived, since one already under way may have missed a fold.
    /// </summary>
    private async Task<EntityIndex?> EntityIndexAsync(bool current, CancellationToken cancellationToken)
    {
        long arrived = Stopwatch.GetTimestamp();
        var known = Volatile.Read(ref _entities);
        var (refresh, startedAt) = StartRefresh();
        if (!current && known is not null && Stopwatch.GetElapsedTime(known.ConfirmedAt) < ServeStaleFor)
            return known.Index;
        var snapshot = await refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        // Once the read it joined is done, any read under way was started after this request arrived.
        if (current && startedAt < arrived)
            snapshot = await StartRefresh().Read.WaitAsync(cancellationToken).ConfigureAwait(false);
        return snapshot?.Index;
    }

    /// <summary>The state read under way, or a new one, with when it was started.</summary>
    private (Task<EntitySnapshot?> Read, long StartedAt) StartRefresh()
    {
        lock (_refreshGate)
        {
            // Read under the gate: a read that finished just before must not be repeated with the ETag it replaced.
            if (_refresh is not { IsCompleted: false })
            {
                _refreshStartedAt = Stopwatch.GetTimestamp();
                _refresh = RefreshAsync(Volatile.Read(ref _entities));
            }
            return (_refresh, _refreshStartedAt);
        }
    }

    /// <summary>
    /// Not cancelled by any one caller: others may be waiting for it. A failure is logged and reaches those waiting; while
    /// the index it had may still be answered from, that is the result, and the next request reads again.
    /// </summary>
    private async Task<EntitySnapshot?> RefreshAsync(EntitySnapshot? known)
    {
        await Task.Yield(); // off the caller's thread: it holds the gate, and answers without waiting for the read
        long asked = Stopwatch.GetTimestamp();
        try
        {
            var (changed, state, etag) = await summary.ReadStateIfChangedAsync(known?.ETag, CancellationToken.None).ConfigureAwait(false);
            var snapshot = !changed ? known is null ? null : known with { ConfirmedAt = asked }
                : state is null ? null : new EntitySnapshot(etag, new EntityIndex(state, aggregator), asked);
            Volatile.Write(ref _entities, snapshot);
            return snapshot;
        }
        catch (Exception e)
        {
            logger.EntityStateReadFailed(e, known?.Index.StateVersion ?? 0);
            if (known is null || Stopwatch.GetElapsedTime(known.ConfirmedAt) >= ServeStaleFor) throw;
            return known;
        }
    }

    /// <param name="ConfirmedAt">When the read that found this state current was sent (<see cref="Stopwatch"/> ticks).</param>
    private sealed record EntitySnapshot(ETag? ETag, EntityIndex Index, long ConfirmedAt);

    public static ApiResponse GetPage(string? ifNoneMatch)
    {
        var page = DashboardPage.Value;
        return Conditional(page.Html, "text/html; charset=utf-8", page.ETag, ifNoneMatch, page.SecurityHeaders);
    }

    private static async Task<ApiResponse> BlobAsync(BlobClient blob, string? ifNoneMatch, string notFound, CancellationToken cancellationToken)
    {
        var tags = EntityTags(ifNoneMatch);
        // One tag (what browsers send) goes to the storage service as the condition; anything else is compared here.
        var conditions = tags.Count == 1 && tags[0] != "*" ? new BlobRequestConditions { IfNoneMatch = new ETag(tags[0]) } : null;
        try
        {
            var download = await blob.DownloadContentAsync(new BlobDownloadOptions { Conditions = conditions }, cancellationToken).ConfigureAwait(false);
            if (download.GetRawResponse().Status == 304)
                return NotModified(tags[0]);
            return Conditional(download.Value.Content.ToMemory(), Json, download.Value.Details.ETag.ToString("H"), ifNoneMatch);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return Problem(404, notFound);
        }
    }

    private static ApiResponse Conditional(ReadOnlyMemory<byte> body, string contentType, string etag, string? ifNoneMatch, IReadOnlyDictionary<string, string>? extraHeaders = null)
    {
        if (EntityTags(ifNoneMatch).Any(tag => tag == "*" || tag == etag))
            return NotModified(etag);
        var headers = new Dictionary<string, string>(extraHeaders ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase)
        {
            ["ETag"] = etag,
            ["Cache-Control"] = "no-cache",
            ["X-Content-Type-Options"] = "nosniff",
        };
        return new ApiResponse(200, body, contentType, headers);
    }

    private static ApiResponse NotModified(string etag) =>
        new(304, ReadOnlyMemory<byte>.Empty, null, new Dictionary<string, string> { ["ETag"] = etag, ["Cache-Control"] = "no-cache" });

    private static ApiResponse Problem(int status, string detail) => new(status,
        JsonSerializer.SerializeToUtf8Bytes(new ProblemBody(status, detail), DashboardJson.Default.ProblemBody),
        "application/problem+json; charset=utf-8", new Dictionary<string, string> { ["Cache-Control"] = "no-cache" });

    /// <summary>If-None-Match's entity tags, weak ones compared as strong (RFC 9110 uses the weak comparison here).</summary>
    private static List<string> EntityTags(string? header) =>
        string.IsNullOrWhiteSpace(header)
            ? []
            : header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(tag => tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag)
                .ToList();

    private static string HashETag(ReadOnlySpan<byte> body) => $"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..20]}\"";

    private static byte[] Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
                           ?? throw new InvalidOperationException($"{name} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex ArticleId();

    /// <summary>
    /// The page (one file, inline CSS and JS, embedded in this assembly) with a Content-Security-Policy that allows exactly
    /// its own script and style by hash and connections to this origin only.
    /// </summary>
    private sealed record Page(byte[] Html, string ETag, IReadOnlyDictionary<string, string> SecurityHeaders)
    {
        public static Page Load()
        {
            string html = Encoding.UTF8.GetString(Resource("Pipeline.Operations.Dashboard.dashboard.html"));
            string csp = $"default-src 'none'; script-src {Hash(html, "script")}; style-src {Hash(html, "style")}; " +
                         "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
            byte[] bytes = Encoding.UTF8.GetBytes(html);
            return new Page(bytes, HashETag(bytes), new Dictionary<string, string>
            {
                ["Content-Security-Policy"] = csp,
                ["Referrer-Policy"] = "no-referrer",
            });
        }

        private static string Hash(string html, string element)
        {
            var match = Regex.Match(html, $"<{element}>(.*?)</{element}>", RegexOptions.Singleline);
            if (!match.Success)
                throw new InvalidOperationException($"The dashboard page has no <{element}> block.");
            return $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(match.Groups[1].Value)))}'";
        }
    }
}

internal sealed record ProblemBody(int Status, string Detail);

/// <summary>A problem body (RFC 9457) with the retraction's time as an extension member.</summary>
internal sealed record GoneBody(int Status, string Detail, DateTimeOffset RetractedAt);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
[System.Text.Json.Serialization.JsonSerializable(typeof(EntitySearchResult))]
[System.Text.Json.Serialization.JsonSerializable(typeof(EntityDetail))]
[System.Text.Json.Serialization.JsonSerializable(typeof(PipelineStatus))]
[System.Text.Json.Serialization.JsonSerializable(typeof(ProblemBody))]
[System.Text.Json.Serialization.JsonSerializable(typeof(GoneBody))]
internal sealed partial class DashboardJson : System.Text.Json.Serialization.JsonSerializerContext;
