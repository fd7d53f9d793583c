using System.Threading.RateLimiting;

namespace Pipeline.Analysis.AzureLanguage;

/// <summary>
/// The process's Language request rate: a token bucket one second deep that callers wait on in turn, filled at a rate
/// between this instance's share (<see cref="LanguageOptions.RequestsPerMinute"/>) and the whole resource's rate
/// (<see cref="LanguageOptions.ResourceRequestsPerMinute"/>). Each second in which callers had to wait and nothing was
/// throttled raises the rate by a fixed step (additive increase); a 429 halves it, at most once a second, since one
/// overload comes back as a burst of 429s (multiplicative decrease). Instances that share a resource thereby converge
/// on shares of it that add up to about its rate, without knowing how many of them run, and none drops below its
/// guaranteed share. Whatever the rate, a 429's Retry-After stops this process sending until it has passed: the
/// resource has said it is out of budget, and every request sent before then would be refused too.
/// With no resource rate the rate stays at the share. The BCL's limiters fix their rate when built, hence this one.
/// </summary>
internal sealed class LanguagePacer : RateLimiter
{
    /// <summary>How often the rate is reconsidered, and the least time between two decreases.</summary>
    internal static readonly TimeSpan AdjustEvery = TimeSpan.FromSeconds(1);

    /// <summary>Busy, unthrottled seconds one instance needs to climb from its share to the resource's rate.</summary>
    internal const int ClimbSeconds = 30;

    /// <summary>The factor a throttle multiplies the rate by.</summary>
    internal const double Decrease = 0.5;

    /// <summary>Shortest wait between two fills: above about 3,000 a minute, fills carry several permits.</summary>
    private static readonly TimeSpan ShortestTick = TimeSpan.FromMilliseconds(20);

    private static readonly RateLimitLease Granted = new Lease(true);
    private static readonly RateLimitLease Refused = new Lease(false);

    private readonly SemaphoreSlim _bucket;
    private readonly Lock _lock = new();
    private readonly TimeProvider _clock;
    private readonly double _floor, _ceiling, _step;
    private readonly TimeSpan _longestPause;
    private readonly CancellationTokenSource _stopping = new();
    private double _rate, _due;
    private readonly ITimer _timer;
    private TimeSpan _period;
    private long _pausedUntil, _lastDecrease, _filled, _adjusted;
    private bool _waited, _throttled;
    private int _waiting;

    /// <param name="requestsPerMinute">This instance's share: the starting and the lowest rate.</param>
    /// <param name="resourceRequestsPerMinute">The resource's rate: the highest; null or the share itself keeps the rate fixed.</param>
    /// <param name="longestPause">Cap on a Retry-After pause (<see cref="LanguageOptions.RetryMaxDelay"/>).</param>
    /// <param name="clock">The time source.</param>
    public LanguagePacer(int requestsPerMinute, int? resourceRequestsPerMinute, TimeSpan longestPause, TimeProvider clock)
    {
        _floor = _rate = requestsPerMinute;
        _ceiling = Math.Max(requestsPerMinute, resourceRequestsPerMinute ?? requestsPerMinute);
        _step = (_ceiling - _floor) / ClimbSeconds;
        _longestPause = longestPause;
        _clock = clock;
        _filled = _adjusted = clock.GetTimestamp();
        _lastDecrease = _filled - Ticks(AdjustEvery);
        _bucket = new SemaphoreSlim(Capacity);
        _period = Tick();
        _timer = clock.CreateTimer(_ => Fill(), null, _period, _period);
    }

    /// <summary>The current rate, in requests per minute.</summary>
    public double RequestsPerMinute
    {
        get { lock (_lock) return _rate; }
    }

    public override TimeSpan? IdleDuration => null;

    /// <summary>One second's worth, at least one: small bursts, since the F0 tier also caps requests per second.</summary>
    private int Capacity => Math.Max(1, (int)(_rate / 60));

    /// <summary>The resource refused a request for being over its rate, and may have said how long to wait.</summary>
    public void OnThrottled(TimeSpan? retryAfter)
    {
        lock (_lock)
        {
            long now = _clock.GetTimestamp();
            _throttled = true;
            if (retryAfter is { } hint && hint > TimeSpan.Zero)
            {
                _pausedUntil = Math.Max(_pausedUntil, now + Ticks(hint < _longestPause ? hint : _longestPause));
                // Permits already in the bucket would only buy more 429s before the pause ends.
                while (_bucket.Wait(0)) { }
                _due = 0;
            }
            if (_ceiling > _floor && _clock.GetElapsedTime(_lastDecrease, now) >= AdjustEvery)
            {
                _rate = Math.Max(_floor, _rate * Decrease);
                _lastDecrease = now;
            }
        }
    }

    /// <summary>
    /// A timer callback rather than a loop, so that a test's fake clock runs it the moment it advances. Time in a pause
    /// accrues nothing; a full bucket does not save up.
    /// </summary>
    private void Fill()
    {
        lock (_lock)
        {
            long now = _clock.GetTimestamp();
            if (now >= _pausedUntil)
            {
                _due += _rate / 60 * _clock.GetElapsedTime(_filled, now).TotalSeconds;
                int whole = (int)_due, room = Capacity - _bucket.CurrentCount;
                _due -= whole;
                if (Math.Min(whole, room) is > 0 and int add)
                    _bucket.Release(add);
            }
            _filled = now;
            if (_clock.GetElapsedTime(_adjusted, now) >= AdjustEvery)
            {
                if (!_throttled && (_waited || _waiting > 0))
                    _rate = Math.Min(_ceiling, _rate + _step);
                _waited = _throttled = false;
                _adjusted = now;
            }
            if (Tick() != _period)
            {
                _period = Tick();
                _timer.Change(_period, _period);
            }
        }
    }

    /// <summary>One permit's time at the current rate, within [20 ms, 1 s].</summary>
    private TimeSpan Tick()
    {
        var tick = TimeSpan.FromMinutes(1 / _rate);
        return tick < ShortestTick ? ShortestTick : tick > AdjustEvery ? AdjustEvery : tick;
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * _clock.TimestampFrequency);

    public override RateLimiterStatistics? GetStatistics() => new() { CurrentAvailablePermits = _bucket.CurrentCount, CurrentQueuedCount = Volatile.Read(ref _waiting) };

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => permitCount switch
    {
        0 => _bucket.CurrentCount > 0 ? Granted : Refused,
        1 => _bucket.Wait(0) ? Granted : Refused,
        _ => throw new ArgumentOutOfRangeException(nameof(permitCount), permitCount, "Requests take one permit each."),
    };

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(permitCount, 1);
        if (_bucket.Wait(0, CancellationToken.None))
            return Granted;
        Interlocked.Increment(ref _waiting);
        lock (_lock) _waited = true;
        try
        {
            using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
            await _bucket.WaitAsync(either.Token).ConfigureAwait(false);
            return Granted;
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    protected override void Dispose(bool disposing)
    {
        _timer.Dispose();
        _stopping.Cancel();
        base.Dispose(disposing);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await _timer.DisposeAsync().ConfigureAwait(false);
        await _stopping.CancelAsync().ConfigureAwait(false);
        await base.DisposeAsyncCore().ConfigureAwait(false);
    }

    private sealed class Lease(bool acquired) : RateLimitLease
    {
        public override bool IsAcquired { get; } = acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
