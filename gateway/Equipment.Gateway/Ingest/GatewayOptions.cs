using System.ComponentModel.DataAnnotations;

namespace Equipment.Gateway.Ingest;

/// <summary>The ingest API's limits and tokens.</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>Largest request body, compressed or not (and the largest a gzip body may inflate to).</summary>
    [Range(1024, 1L << 31)]
    public long MaxBodyBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Write requests in progress before new ones get 429.</summary>
    [Range(1, 100_000)]
    public int MaxConcurrentRequests { get; set; } = 2048;

    /// <summary>How long a request may wait for the spool (or, with <see cref="AcknowledgeAfter"/> <c>Stored</c>, for InfluxDB) before it is answered 503.</summary>
    [Range(1, 600)]
    public int RequestTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// The write-ahead spool's folder; a relative path is taken from the process's working directory (not the
    /// content root, which is the bin folder), so deployments should set an absolute one (<c>Gateway__SpoolDirectory</c>).
    /// </summary>
    [Required]
    public string SpoolDirectory { get; set; } = ".data/spool";

    /// <summary>Accepted but undelivered bytes the spool may hold; beyond that writes get 503 with Retry-After.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxSpoolBytes { get; set; } = 1L << 30;

    /// <summary>Size at which the spool starts a new segment file; delivered segments are deleted whole.</summary>
    [Range(4096, 1L << 40)]
    public long SpoolSegmentBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// Coalesced delivery batches in flight at once. Fewer means larger batches (fewer grain calls and InfluxDB
    /// writes per point) at a little more delay; while they are all in flight, records wait on disk.
    /// </summary>
    [Range(1, 1024)]
    public int DeliveryConcurrency { get; set; } = 4;

    /// <summary>
    /// How a coalesced batch reaches the twins: <c>PerSilo</c> (default) sends it in a few calls to the silos'
    /// ingest worker (<c>IIngestGrain</c>, up to <see cref="MachinesPerCall"/> machines each), which hands each
    /// machine's lines to its twin inside the cluster; batches then go one after the other (the next one is
    /// collected meanwhile, so it grows with the backlog). <c>PerMachine</c> makes one call per machine per batch.
    /// </summary>
    [RegularExpression("^(PerSilo|PerMachine)$")]
    public string DeliveryCalls { get; set; } = "PerSilo";

    /// <summary>Machines per ingest-worker call in <c>PerSilo</c> mode; a batch's calls run in parallel.</summary>
    [Range(1, 100_000)]
    public int MachinesPerCall { get; set; } = 256;

    /// <summary>Line bytes the deliverer reads into one batch at most (it takes every record waiting up to this).</summary>
    [Range(1024, 1L << 30)]
    public long DeliveryBatchBytes { get; set; } = 4L * 1024 * 1024;

    /// <summary>
    /// When a write is answered 204: <c>Spooled</c> (default) once it is fsynced in the spool, which is durable
    /// acceptance; <c>Stored</c> only once it also reached InfluxDB (slower; for tests that read right after a write).
    /// </summary>
    [RegularExpression("^(Spooled|Stored)$")]
    public string AcknowledgeAfter { get; set; } = "Spooled";

    /// <summary>The development token (EQUIPMENT_DEV_TOKEN); honoured only in the Development environment.</summary>
    public string? DevToken { get; set; }

    /// <summary>
    /// The InfluxDB database name devices write to (<c>db</c> on /write, <c>bucket</c> on /api/v2/write, a <c>bucket</c>
    /// of the form <c>db/rp</c> counts by its database). Any other name gets InfluxDB's 404 <c>database not found</c>.
    /// It is the name devices use, independent of where the silo stores (<c>Influx:Database</c>), so moving the storage
    /// database does not break every device's configuration.
    /// </summary>
    [Required, MinLength(1)]
    public string Database { get; set; } = "equipment";

    /// <summary>Further database names accepted as the same database (e.g. <c>telegraf</c> for an unchanged Telegraf).</summary>
    public List<string> DatabaseAliases { get; set; } = [];

    /// <summary>Device tokens with their scope: <c>all</c>, <c>site:NAME</c>, <c>fleet:NAME</c> or <c>equipment:ID</c>.</summary>
    public List<DeviceToken> Tokens { get; set; } = [];
}
