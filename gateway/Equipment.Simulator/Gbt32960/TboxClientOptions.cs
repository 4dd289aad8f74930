namespace Equipment.Simulator.Gbt32960;

/// <summary>Connection behaviour of a simulated T-Box (GB/T 32960.3 appendix B), in wall-clock time.</summary>
public sealed record TboxClientOptions
{
    public required string Host { get; init; }
    public required int Port { get; init; }
    public GbtEdition Edition { get; init; } = GbtEdition.V2016;

    /// <summary>How long to wait for the platform's answer to a login, logout or heartbeat.</summary>
    public TimeSpan ReplyTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>B.1: a login without answer is retried after 1 min…</summary>
    public TimeSpan LoginRetryDelay { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>…and after three failures in a row, after 30 min.</summary>
    public TimeSpan LongRetryDelay { get; init; } = TimeSpan.FromMinutes(30);

    public int LoginAttemptsBeforeLongDelay { get; init; } = 3;

    /// <summary>Frames kept while the link is down (B.2.8: 3 days in 2016, 7 in 2025); the oldest go first.</summary>
    public int BufferFrames { get; init; } = 3 * 8640;

    /// <summary>After a stop request: time to send what is queued and log out.</summary>
    public TimeSpan FlushDeadline { get; init; } = TimeSpan.FromSeconds(10);
}
