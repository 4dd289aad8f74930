using System.ComponentModel.DataAnnotations;

namespace Equipment.Grains.Influx;

/// <summary>
/// Where and how the silo writes to InfluxDB. The v1 write/query API is used because InfluxDB 1.x serves
/// only it and 2.x/3.x serve it as their compatibility API (token auth, database/retention-policy mapping).
/// </summary>
public sealed class InfluxOptions
{
    public const string Section = "Influx";

    [Required, Url]
    public string Url { get; set; } = "http://127.0.0.1:8086";

    [Required]
    public string Database { get; set; } = "equipment";

    /// <summary>Retention policy for raw points; empty means the database's default (2.x: the DBRP mapping's).</summary>
    public string? RetentionPolicy { get; set; }

    /// <summary>InfluxDB 2.x/3.x token, sent as <c>Authorization: Token …</c>.</summary>
    public string? Token { get; set; }

    /// <summary>InfluxDB 1.x user, sent with <see cref="Password"/> as Basic auth.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Issue <c>CREATE DATABASE</c> on start (1.x); switch off for 2.x/3.x where buckets are made there.</summary>
    public bool CreateDatabase { get; set; } = true;

    /// <summary>Flush a batch once it holds this many lines.</summary>
    [Range(1, 1_000_000)]
    public int BatchLines { get; set; } = 5000;

    /// <summary>Flush a batch at the latest this long after its first line arrived.</summary>
    [Range(1, 60_000)]
    public int FlushIntervalMs { get; set; } = 50;

    /// <summary>Concurrent HTTP writes to InfluxDB.</summary>
    [Range(1, 64)]
    public int Writers { get; set; } = 2;

    /// <summary>Sealed batches waiting for a writer before callers are held back.</summary>
    [Range(1, 1024)]
    public int MaxQueuedBatches { get; set; } = 8;

    /// <summary>Timeout of one write; a write that fails is not retried here but delivered again by the gateway's spool.</summary>
    [Range(1, 600)]
    public int RequestTimeoutSeconds { get; set; } = 10;

    /// <summary>Open the circuit for this long after half the writes of 10 s failed (at least 4 of them).</summary>
    [Range(1, 600)]
    public int BreakSeconds { get; set; } = 5;

    /// <summary>
    /// Recompute the rollups (<c>rollup_1m</c>, <c>rollup_1h</c>) for hours that get points older than
    /// <see cref="BackfillAfterSeconds"/>, which the continuous queries no longer look at.
    /// </summary>
    public bool BackfillRollups { get; set; } = true;

    /// <summary>A point is back-filled when it is stored this long after its timestamp (the 1-minute query looks back 5 minutes).</summary>
    [Range(1, 86_400)]
    public int BackfillAfterSeconds { get; set; } = 180;

    /// <summary>How often pending back-fill ranges are recomputed.</summary>
    [Range(10, 600_000)]
    public int BackfillIntervalMs { get; set; } = 1000;

    /// <summary>Ranges (one measurement, up to 24 hours, a set of machines) recomputed per tick: the rate limit.</summary>
    [Range(1, 1000)]
    public int BackfillRangesPerTick { get; set; } = 4;
}
