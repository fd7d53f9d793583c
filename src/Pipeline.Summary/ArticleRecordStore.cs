using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Pipeline.Runtime;

namespace Pipeline.Summary;

/// <summary>
/// Per-article records in the <c>articles</c> table.
/// Head rows (PartitionKey = "head", RowKey = articleId) say which revision is current (with its contribution), which one
/// the summary has applied, and whether the two differ (<c>Pending</c>). Revision rows (PartitionKey = articleId,
/// RowKey = "rev-" + hash) keep the contribution of every revision that was replaced, insert-only, so a fold can always
/// take out what it once added; a new article needs only its head.
///
/// A retraction is a revision that contributes nothing: its hash is <see cref="RetractedHash"/>, so the fold's
/// applied/current/pending rules cover it unchanged. The source blob decides between a retraction and a revision that
/// race: each is written only after checking, against the head's ETag, that the blob is gone (or there).
/// </summary>
public sealed class ArticleRecordStore(PipelineStorage storage)
{
    internal const string HeadPartition = "head";

    /// <summary>The current "revision" of an article whose blob was deleted; as the applied one, the summary took it out.</summary>
    public const string RetractedHash = "retracted";

    /// <summary>The applied "revision" of a retracted article the summary never counted: nothing was taken out.</summary>
    public const string RetractedUncountedHash = "retracted-uncounted";

    private readonly TableClient _table = storage.Table(PipelineNames.ArticlesTable);
    private readonly BlobContainerClient _articles = storage.Container(PipelineNames.ArticlesContainer);

    /// <summary>
    /// Idempotent: a second call with the same revision changes nothing; an older revision never replaces a newer one.
    /// A revision of a retracted article is taken only while its blob exists, so a stale read that finishes after the
    /// delete cannot bring a withdrawn story back, while a re-upload under the same name counts again.
    /// </summary>
    /// <returns>False when the article is retracted and its blob is gone: the revision was refused.</returns>
    public async Task<bool> RecordAsync(ArticleContribution contribution, CancellationToken cancellationToken)
    {
        string json = JsonSerializer.Serialize(contribution, PipelineJson.Default.ArticleContribution);

        // Most articles are new: insert the head first, and read it only when it exists.
        ArticleHead? head = null;
        while (true)
        {
            try
            {
                if (head is null)
                {
                    await _table.AddEntityAsync(new ArticleHead
                    {
                        RowKey = contribution.ArticleId,
                        CurrentHash = contribution.ContentHash,
                        CurrentModified = contribution.SourceLastModified,
                        CurrentETag = contribution.SourceETag,
                        Contribution = json,
                        SourceName = contribution.SourceName,
                        Pending = true,
                    }, cancellationToken).ConfigureAwait(false);
                    return true;
                }
                if (head.CurrentHash == contribution.ContentHash)
                {
                    // The same text uploaded again: nothing to count, but remember the newest upload it stands for.
                    if (contribution.SourceLastModified < head.CurrentModified || contribution.SourceETag == head.CurrentETag)
                        return true;
                    head.CurrentModified = contribution.SourceLastModified;
                    head.CurrentETag = contribution.SourceETag;
                    await _table.UpdateEntityAsync(head, head.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                    return true;
                }
                if (head.IsRetracted)
                {
                    // Checked after reading the head and written with its ETag: a delete in between rewrites the head
                    // (see RetractAsync), so this write fails and the next pass sees the blob gone.
                    if (!await SourceExistsAsync(contribution.SourceName, cancellationToken).ConfigureAwait(false))
                        return false;
                }
                else if (!await IsNewerAsync(contribution, head, cancellationToken).ConfigureAwait(false))
                    return true;
                // The outgoing revision's contribution must outlive the head: the summary may count it, and the fold
                // that replaces it has to take exactly that contribution out again.
                await KeepRevisionAsync(head, cancellationToken).ConfigureAwait(false);
                head.CurrentHash = contribution.ContentHash;
                head.CurrentModified = contribution.SourceLastModified;
                head.CurrentETag = contribution.SourceETag;
                head.Contribution = json;
                head.Pending = !IsSettled(contribution.ContentHash, head.AppliedHash);
                head.RetractedAt = null;
                await _table.UpdateEntityAsync(head, head.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // The head exists, or another instance changed it at the same moment: decide again on fresh data.
            }
            head = await GetHeadAsync(contribution.ArticleId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Records that the article's blob is gone, so the next fold takes its counted revision out. Idempotent: a duplicate
    /// event, or one for a blob that was uploaded again since, changes nothing the summary sees.
    /// </summary>
    /// <param name="articleId">The article whose blob was deleted.</param>
    /// <param name="sourceName">Its blob name in <c>articles</c>.</param>
    /// <param name="deletedAt">When the blob was deleted (the event's time); kept as the first retraction's time.</param>
    public async Task<RetractOutcome> RetractAsync(string articleId, string sourceName, DateTimeOffset deletedAt, CancellationToken cancellationToken)
    {
        while (true)
        {
            var head = await GetHeadAsync(articleId, cancellationToken).ConfigureAwait(false);
            // Storage is the truth: a delete event that arrives after the name was uploaded again retracts nothing.
            if (await SourceExistsAsync(sourceName, cancellationToken).ConfigureAwait(false))
                return RetractOutcome.StillPresent;
            try
            {
                if (head is null)
                {
                    // Never recorded (never seen, quarantined, or its ingestion still running): a tombstone that counts
                    // nothing, so a record of the deleted text that lands later is refused.
                    await _table.AddEntityAsync(new ArticleHead
                    {
                        RowKey = articleId,
                        CurrentHash = RetractedHash,
                        AppliedHash = RetractedUncountedHash,
                        CurrentModified = deletedAt,
                        SourceName = sourceName,
                        RetractedAt = deletedAt,
                    }, cancellationToken).ConfigureAwait(false);
                    return RetractOutcome.NeverCounted;
                }

                var outcome = head.IsRetracted ? RetractOutcome.AlreadyRetracted : RetractOutcome.Retracted;
                if (!head.IsRetracted)
                {
                    await KeepRevisionAsync(head, cancellationToken).ConfigureAwait(false);
                    head.CurrentHash = RetractedHash;
                    head.CurrentETag = "";
                    head.Contribution = "";
                    head.RetractedAt = deletedAt;
                }
                // Written even when already retracted: the new ETag makes a revision recorded from a blob read before
                // this delete fail its If-Match and look again.
                head.Pending = !IsSettled(head.CurrentHash, head.AppliedHash);
                await _table.UpdateEntityAsync(head, head.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return outcome;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // A revision or another retraction got there first: decide again on fresh data.
            }
        }
    }

    private async Task<bool> SourceExistsAsync(string sourceName, CancellationToken cancellationToken) =>
        (await _articles.GetBlobClient(sourceName).ExistsAsync(cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>A text that was counted, as opposed to nothing yet or a retraction.</summary>
    internal static bool IsRevision(string hash) => hash.Length > 0 && hash != RetractedHash && hash != RetractedUncountedHash;

    /// <summary>The summary reflects <paramref name="current"/> when it applied it, or when both say "not counted, deleted".</summary>
    internal static bool IsSettled(string current, string applied) =>
        current == applied || (current == RetractedHash && applied == RetractedUncountedHash);

    /// <summary>Insert-only, so a retried replacement writes it again harmlessly.</summary>
    private async Task KeepRevisionAsync(ArticleHead head, CancellationToken cancellationToken)
    {
        if (head.Contribution.Length == 0)
            return; // A head from before heads carried contributions: its revision row was written with it.
        try { await _table.AddEntityAsync(new TableEntity(head.RowKey, RevisionKey(head.CurrentHash)) { ["Contribution"] = head.Contribution }, cancellationToken).ConfigureAwait(false); }
        catch (RequestFailedException e) when (e.Status == 409) { }
    }

    /// <summary>
    /// Revisions are ordered by the source blob's last-modified time. Storage reports it to the second, so for two texts
    /// written within one second storage itself says which one the blob holds now; only when it holds neither (a third
    /// revision is on its way and will replace both) do they tie-break on the hash, which every instance agrees on.
    /// </summary>
    private async Task<bool> IsNewerAsync(ArticleContribution contribution, ArticleHead head, CancellationToken cancellationToken)
    {
        if (contribution.SourceLastModified != head.CurrentModified)
            return contribution.SourceLastModified > head.CurrentModified;
        string? current = null;
        try { current = (await _articles.GetBlobClient(contribution.SourceName).GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value.ETag.ToString(); }
        catch (RequestFailedException e) when (e.Status == 404) { }
        if (current == contribution.SourceETag)
            return true;
        if (current == head.CurrentETag)
            return false;
        return string.CompareOrdinal(contribution.ContentHash, head.CurrentHash) > 0;
    }

    public async Task<ArticleHead?> GetHeadAsync(string articleId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<ArticleHead>(HeadPartition, articleId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>
    /// Every head, without the contributions (progress checks read this often). A summarised head's Timestamp is when
    /// the fold marked it applied, just after the summary counted it.
    /// </summary>
    public IAsyncEnumerable<ArticleHead> GetAllHeadsAsync(CancellationToken cancellationToken) =>
        _table.QueryAsync<ArticleHead>($"PartitionKey eq '{HeadPartition}'",
            select: [nameof(ArticleHead.CurrentHash), nameof(ArticleHead.CurrentModified), nameof(ArticleHead.CurrentETag), nameof(ArticleHead.AppliedHash), nameof(ArticleHead.Pending), nameof(ArticleHead.SourceName), nameof(ArticleHead.RetractedAt), "RowKey", "Timestamp"],
            cancellationToken: cancellationToken);

    public async Task<IReadOnlyList<ArticleHead>> GetPendingAsync(int max, CancellationToken cancellationToken)
    {
        var heads = new List<ArticleHead>(max);
        await foreach (var head in _table.QueryAsync<ArticleHead>($"PartitionKey eq '{HeadPartition}' and Pending eq true", maxPerPage: max, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            heads.Add(head);
            if (heads.Count == max) break;
        }
        return heads;
    }

    public async Task<bool> AnyPendingAsync(CancellationToken cancellationToken) =>
        (await GetPendingAsync(1, cancellationToken).ConfigureAwait(false)).Count > 0;

    /// <summary>The head carries its current revision's contribution, so folding a new article needs no second read.</summary>
    public async Task<ArticleContribution> GetCurrentContributionAsync(ArticleHead head, CancellationToken cancellationToken) =>
        head.Contribution.Length > 0
            ? JsonSerializer.Deserialize(head.Contribution, PipelineJson.Default.ArticleContribution) ?? throw new InvalidDataException($"Article {head.RowKey} has an empty contribution.")
            : await GetContributionAsync(head.RowKey, head.CurrentHash, cancellationToken).ConfigureAwait(false);

    public async Task<ArticleContribution> GetContributionAsync(string articleId, string contentHash, CancellationToken cancellationToken)
    {
        var entity = await _table.GetEntityAsync<TableEntity>(articleId, RevisionKey(contentHash), ["Contribution"], cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize(entity.Value.GetString("Contribution"), PipelineJson.Default.ArticleContribution)
               ?? throw new InvalidDataException($"Revision {contentHash} of article {articleId} has no contribution.");
    }

    /// <summary>
    /// Records that the summary now includes <paramref name="appliedHash"/> for each head. A head whose current revision
    /// moved on meanwhile stays pending, so the next fold swaps the applied revision for the new one.
    /// </summary>
    public async Task MarkAppliedAsync(IEnumerable<(ArticleHead Head, string AppliedHash)> applied, CancellationToken cancellationToken)
    {
        foreach (var batch in applied.Chunk(100))
        {
            var actions = batch.Select(a => new TableTransactionAction(TableTransactionActionType.UpdateMerge, Applied(a.Head, a.AppliedHash), a.Head.ETag)).ToList();
            try
            {
                await _table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (TableTransactionFailedException) { }
            foreach (var (head, hash) in batch)
                await MarkOneAsync(head.RowKey, hash, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task MarkOneAsync(string articleId, string appliedHash, CancellationToken cancellationToken)
    {
        while (true)
        {
            var head = await GetHeadAsync(articleId, cancellationToken).ConfigureAwait(false)
                       ?? throw new InvalidOperationException($"Article {articleId} lost its head record.");
            if (head.AppliedHash == appliedHash && head.Pending == !IsSettled(head.CurrentHash, appliedHash))
                return;
            try
            {
                await _table.UpdateEntityAsync(Applied(head, appliedHash), head.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException e) when (e.Status == 412) { }
        }
    }

    private static TableEntity Applied(ArticleHead head, string appliedHash) => new(HeadPartition, head.RowKey)
    {
        [nameof(ArticleHead.AppliedHash)] = appliedHash,
        [nameof(ArticleHead.Pending)] = !IsSettled(head.CurrentHash, appliedHash),
    };

    private static string RevisionKey(string contentHash) => "rev-" + contentHash.Replace("sha256:", "", StringComparison.Ordinal);
}

/// <summary>The head row of one article.</summary>
public sealed class ArticleHead : ITableEntity
{
    public string PartitionKey { get; set; } = ArticleRecordStore.HeadPartition;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string CurrentHash { get; set; } = "";
    public DateTimeOffset CurrentModified { get; set; }

    /// <summary>The source blob version the current revision was last read from.</summary>
    public string CurrentETag { get; set; } = "";
    public string AppliedHash { get; set; } = "";

    /// <summary>The current revision's contribution (JSON); the revision row keeps it too, for when it is replaced.</summary>
    public string Contribution { get; set; } = "";
    public bool Pending { get; set; }
    public string SourceName { get; set; } = "";

    /// <summary>When its blob was deleted; null unless the article is retracted.</summary>
    public DateTimeOffset? RetractedAt { get; set; }

    /// <summary>Counted in the summary, at its current revision (for a retracted article: taken out of it).</summary>
    public bool IsSummarised => !Pending && ArticleRecordStore.IsSettled(CurrentHash, AppliedHash);

    /// <summary>Its blob was deleted and has not been uploaded again.</summary>
    public bool IsRetracted => CurrentHash == ArticleRecordStore.RetractedHash;
}

/// <summary>What a retraction found.</summary>
public enum RetractOutcome
{
    /// <summary>The article was current and is now retracted; the next fold takes it out.</summary>
    Retracted,

    /// <summary>A duplicate: the article was already retracted.</summary>
    AlreadyRetracted,

    /// <summary>The pipeline had not recorded the article (never seen, quarantined, or still in ingestion): a tombstone now refuses it.</summary>
    NeverCounted,

    /// <summary>The blob exists again (uploaded after the delete): nothing to retract.</summary>
    StillPresent,
}
