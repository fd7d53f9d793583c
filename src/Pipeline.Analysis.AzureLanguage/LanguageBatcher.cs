using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using System.Threading.RateLimiting;

namespace Pipeline.Analysis.AzureLanguage;

/// <summary>What the service said about one document: its result, or the error it refused it with.</summary>
/// <param name="Result">The document's result, when analysed.</param>
/// <param name="Error">Why the service refused this document alone (the rest of its request succeeded).</param>
internal readonly record struct DocumentOutcome(ResultDocument? Result, ServiceError? Error);

/// <summary>
/// Shares Language requests between every article this process analyses at once. Callers hand in one kind's documents;
/// one dispatcher puts documents of a kind, from any article, into the same request up to the kind's documents per
/// request and the request byte limit, and sends it when it is full or its first document has waited
/// <see cref="LanguageOptions.BatchLinger"/>. The batch is filled only once a rate permit is in hand, so under load it
/// holds everything that arrived while the previous requests waited their turn: fewer, fuller calls exactly when the
/// rate is what limits. Among kinds with documents waiting, a full request goes first, then the oldest document.
/// Per-document errors go to their own caller only; a request-level rejection of a batch that mixes callers names no
/// culprit, so each caller's part is sent again alone and only the one at fault is rejected.
/// </summary>
internal sealed class LanguageBatcher : IDisposable
{
    /// <summary>Room for the request envelope (kind, parameters, brackets) around the documents.</summary>
    private const int EnvelopeBytes = 512;

    /// <summary>Wire ids are positions in the batch; sizes are measured with the longest one (the largest batch is 1,000).</summary>
    private const string LongestWireId = "0000";

    private readonly LanguageServiceClient _client;
    private readonly RateLimiter _limiter;
    private readonly LanguageOptions _options;
    private readonly TimeProvider _clock;
    private readonly Channel<Pending> _intake = Channel.CreateUnbounded<Pending>();
    /// <summary>Owned by the dispatcher alone: documents waiting for a request, by kind, oldest first.</summary>
    private readonly Dictionary<LanguageKind, LinkedList<Pending>> _waiting = Enum.GetValues<LanguageKind>().ToDictionary(k => k, _ => new LinkedList<Pending>());
    private readonly SemaphoreSlim _inFlight;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _dispatcher;

    public LanguageBatcher(LanguageServiceClient client, RateLimiter limiter, LanguageOptions options, TimeProvider clock)
    {
        _client = client;
        _limiter = limiter;
        _options = options;
        _clock = clock;
        _inFlight = new SemaphoreSlim(options.MaxConcurrentRequests);
        _dispatcher = Task.Run(() => DispatchAsync(_stopping.Token));
    }

    /// <summary>One outcome per document, in order. Request-level failures (transient, configuration, rejection) are thrown.</summary>
    /// <exception cref="AnalysisRejectedException">A document is too large for any request, or the service refused the request.</exception>
    public async Task<IReadOnlyList<DocumentOutcome>> AnalyzeAsync(LanguageKind kind, IReadOnlyList<InputDocument> documents, CancellationToken cancellationToken)
    {
        int maxBytes = _options.MaxRequestBytes - EnvelopeBytes;
        var caller = new object();
        var pending = new List<Pending>(documents.Count);
        foreach (var document in documents)
        {
            int size = JsonSerializer.SerializeToUtf8Bytes(document with { Id = LongestWireId }, LanguageJson.Wire.GetTypeInfo(typeof(InputDocument))).Length + 1;
            if (size > maxBytes)
                throw new AnalysisRejectedException("InvalidDocument", $"Document {document.Id} is {size:N0} bytes as JSON; a request may carry {maxBytes:N0}. It was not sent.");
            pending.Add(new Pending(kind, document, size, caller, _clock.GetTimestamp(), cancellationToken));
        }
        foreach (var p in pending)
            ObjectDisposedException.ThrowIf(!_intake.Writer.TryWrite(p), this);
        return await Task.WhenAll(pending.Select(p => p.Outcome.Task)).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task DispatchAsync(CancellationToken stopping)
    {
        try
        {
            while (true)
            {
                Drain();
                var wait = UntilReady();
                if (wait is null)
                {
                    if (!await _intake.Reader.WaitToReadAsync(stopping).ConfigureAwait(false))
                        return;
                    continue;
                }
                if (wait > TimeSpan.Zero)
                {
                    // Linger, unless a newcomer fills a request sooner.
                    using var linger = new CancellationTokenSource(wait.Value, _clock);
                    using var either = CancellationTokenSource.CreateLinkedTokenSource(stopping, linger.Token);
                    try { await _intake.Reader.WaitToReadAsync(either.Token).ConfigureAwait(false); }
                    catch (OperationCanceledException) when (!stopping.IsCancellationRequested) { }
                    continue;
                }

                await _inFlight.WaitAsync(stopping).ConfigureAwait(false);
                RateLimitLease permit;
                try { permit = await _limiter.AcquireAsync(1, stopping).ConfigureAwait(false); }
                catch { _inFlight.Release(); throw; }
                Drain();
                if (TakeBatch() is not { } batch)
                {
                    // Every waiting document's caller gave up while the permit was coming.
                    permit.Dispose();
                    _inFlight.Release();
                    continue;
                }
                _ = SendAsync(batch.Kind, batch.Documents, permit).ContinueWith(_ => _inFlight.Release(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        finally
        {
            // Stopped (or broken): nobody may wait for a dispatcher that is gone.
            _intake.Writer.TryComplete();
            Drain();
            foreach (var p in _waiting.Values.SelectMany(w => w))
                p.Outcome.TrySetException(new ObjectDisposedException(nameof(LanguageBatcher)));
        }
    }

    private void Drain()
    {
        while (_intake.Reader.TryRead(out var p))
            _waiting[p.Kind].AddLast(p);
        foreach (var queue in _waiting.Values)
        {
            for (var node = queue.First; node is not null;)
            {
                var next = node.Next;
                if (node.Value.CancellationToken.IsCancellationRequested)
                {
                    node.Value.Outcome.TrySetCanceled(node.Value.CancellationToken);
                    queue.Remove(node);
                }
                node = next;
            }
        }
    }

    /// <summary>Null when nothing waits; zero when some kind can go now (a full request, or a document that has lingered enough).</summary>
    private TimeSpan? UntilReady()
    {
        TimeSpan? soonest = null;
        foreach (var (kind, queue) in _waiting)
        {
            if (queue.First is not { } oldest)
                continue;
            var wait = IsFull(kind, queue) ? TimeSpan.Zero : _options.BatchLinger - _clock.GetElapsedTime(oldest.Value.EnqueuedAt);
            if (wait < TimeSpan.Zero) wait = TimeSpan.Zero;
            if (soonest is null || wait < soonest) soonest = wait;
        }
        return soonest;
    }

    private bool IsFull(LanguageKind kind, LinkedList<Pending> queue)
    {
        int count = 0, bytes = 0, maxDocuments = _options.DocumentsPerRequest.For(kind), maxBytes = _options.MaxRequestBytes - EnvelopeBytes;
        foreach (var p in queue)
        {
            if (++count == maxDocuments || (bytes += p.Size) > maxBytes)
                return true;
        }
        return false;
    }

    /// <summary>The next request: a full one if any kind has one, else the kind whose oldest document has waited longest.</summary>
    private (LanguageKind Kind, List<Pending> Documents)? TakeBatch()
    {
        var candidates = _waiting.Where(w => w.Value.First is not null)
            .OrderBy(w => IsFull(w.Key, w.Value) ? 0 : 1).ThenBy(w => w.Value.First!.Value.EnqueuedAt).ToList();
        if (candidates.Count == 0)
            return null;
        var (kind, queue) = candidates[0];
        int maxDocuments = _options.DocumentsPerRequest.For(kind), maxBytes = _options.MaxRequestBytes - EnvelopeBytes, bytes = 0;
        var batch = new List<Pending>();
        while (queue.First is { } node && batch.Count < maxDocuments && bytes + node.Value.Size <= maxBytes)
        {
            batch.Add(node.Value);
            bytes += node.Value.Size;
            queue.RemoveFirst();
        }
        return (kind, batch);
    }

    /// <summary>
    /// Sends one batch (with the permit already taken for its first attempt; retries take their own) and hands each document
    /// its outcome. The request runs to its end even if some callers give up: the others share it.
    /// </summary>
    private async Task SendAsync(LanguageKind kind, List<Pending> batch, RateLimitLease? permit)
    {
        try
        {
            var results = await _client.AnalyzeAsync(kind, batch.Select((p, i) => p.Document with { Id = i.ToString(CultureInfo.InvariantCulture) }).ToList(),
                permit, _stopping.Token).ConfigureAwait(false);
            var answered = new Dictionary<string, DocumentOutcome>(StringComparer.Ordinal);
            foreach (var document in results.Documents ?? [])
                answered[document.Id] = new DocumentOutcome(document, null);
            foreach (var error in results.Errors ?? [])
                answered[error.Id] = new DocumentOutcome(null, error.Error);
            // The client has checked that every document sent is answered exactly once.
            for (int i = 0; i < batch.Count; i++)
                batch[i].Outcome.TrySetResult(answered[i.ToString(CultureInfo.InvariantCulture)]);
        }
        catch (AnalysisRejectedException) when (batch.DistinctBy(p => p.Caller).Skip(1).Any())
        {
            await Task.WhenAll(batch.GroupBy(p => p.Caller).Select(alone => SendAsync(kind, alone.ToList(), permit: null))).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            foreach (var p in batch)
                p.Outcome.TrySetException(e);
        }
    }

    /// <summary>
    /// Stops dispatching: waiting documents fail, requests in flight are cancelled. Synchronous, because the hosts dispose
    /// their service providers synchronously; the dispatcher ends as soon as it sees the cancellation.
    /// </summary>
    public void Dispose()
    {
        _intake.Writer.TryComplete();
        _stopping.Cancel();
        _dispatcher.Wait();
    }

    /// <summary>One document waiting for a request, and whoever is waiting for its outcome.</summary>
    private sealed class Pending(LanguageKind kind, InputDocument document, int size, object caller, long enqueuedAt, CancellationToken cancellationToken)
    {
        public LanguageKind Kind { get; } = kind;
        public InputDocument Document { get; } = document;
        public int Size { get; } = size;
        /// <summary>One call of <see cref="AnalyzeAsync"/>: the unit a request-level rejection is narrowed down to.</summary>
        public object Caller { get; } = caller;
        public long EnqueuedAt { get; } = enqueuedAt;
        public CancellationToken CancellationToken { get; } = cancellationToken;
        public TaskCompletionSource<DocumentOutcome> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
