using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Pipeline.Runtime;

namespace Pipeline.Summary;

/// <summary>
/// Per-article records in the <c>articles</c> table.
/// Head rows (PartitionKey = "head", RowKey = articleId) say which revision is current (with its contribution), which one
/// the summary has applied, and whether the two differ (<c>Pending</c>). Revision rows (PartitionKey = articleId,
/// RowKey = "rev-" + hash) keep the contribution of every revision that was replaced, insert-only, so a fold can always
/// take out what it once added; a new article needs only its head.
/// </summary>
public sealed class ArticleRecordStore(PipelineStorage storage)
{
    internal const string HeadPartition = "head";
    private readonly TableClient _table = storage.Table(PipelineNames.ArticlesTable);

    /// <summary>Idempotent: a second call with the same revision changes nothing; an older revision never replaces a newer one.</summary>
    public async Task RecordAsync(ArticleContribution contribution, CancellationToken cancellationToken)
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
                    return;
                }
                if (head.CurrentHash == contribution.ContentHash)
                {
                    // The same text uploaded again: nothing to count, but remember the newest upload it stands for.
                    if (contribution.SourceLastModified < head.CurrentModified || contribution.SourceETag == head.CurrentETag)
                        return;
                    head.CurrentModified = contribution.SourceLastModified;
                    head.CurrentETag = contribution.SourceETag;
                    await _table.UpdateEntityAsync(head, head.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                    return;
                }
                if (!IsNewer(contribution, head))
                    return;
                // The outgoing revision's contribution must outlive the head: the summary may count it, and the fold
                // that replaces it has to take exactly that contribution out again.
                await KeepRevisionAsync(head, cancellationToken).ConfigureAwait(false);
                head.CurrentHash = contribution.ContentHash;
                head.CurrentModified = contribution.SourceLastModified;
                head.CurrentETag = contribution.SourceETag;
                head.Contribution = json;
                head.Pending = head.AppliedHash != contribution.ContentHash;
                await _table.UpdateEntityAsync(head, head.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // The head exists, or another instance changed it at the same moment: decide again on fresh data.
            }
            head = await GetHeadAsync(contribution.ArticleId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Insert-only, so a retried replacement writes it again harmlessly.</summary>
    private async Task KeepRevisionAsync(ArticleHead head, CancellationToken cancellationToken)
    {
        if (head.Contribution.Length == 0)
            return; // A head from before heads carried contributions: its revision row was written with it.
        try { await _table.AddEntityAsync(new TableEntity(head.RowKey, RevisionKey(head.CurrentHash)) { ["Contribution"] = head.Contribution }, cancellationToken).ConfigureAwait(false); }
        catch (RequestFailedException e) when (e.Status == 409) { }
    }

    /// <summary>
    /// Revisions are ordered by the source blob's last-modified time. Storage reports it to the second, so two different
    /// texts written within one second tie-break on the hash: every instance agrees, but not necessarily on the later one.
    /// </summary>
    private static bool IsNewer(ArticleContribution contribution, ArticleHead head) =>
        (contribution.SourceLastModified > head.CurrentModified ||
         (contribution.SourceLastModified == head.CurrentModified && string.CompareOrdinal(contribution.ContentHash, head.CurrentHash) > 0));

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
            select: [nameof(ArticleHead.CurrentHash), nameof(ArticleHead.CurrentModified), nameof(ArticleHead.CurrentETag), nameof(ArticleHead.AppliedHash), nameof(ArticleHead.Pending), nameof(ArticleHead.SourceName), "RowKey", "Timestamp"],
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
            if (head.AppliedHash == appliedHash && head.Pending == (head.CurrentHash != appliedHash))
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
        [nameof(ArticleHead.Pending)] = head.CurrentHash != appliedHash,
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

    /// <summary>Counted in the summary, at its current revision.</summary>
    public bool IsSummarised => !Pending && AppliedHash == CurrentHash;
}
