using System.ComponentModel.DataAnnotations;

namespace Equipment.Dashboard.History;

/// <summary>
/// Where the history API reads telemetry: the <c>Influx</c> section the silo uses too (copied from the silo's
/// options, reading only what a query needs), overridden by EQUIPMENT_INFLUX_URL / EQUIPMENT_INFLUX_DATABASE.
/// </summary>
public sealed class InfluxQueryOptions
{
    public const string Section = "Influx";

    [Required, Url]
    public string Url { get; set; } = "http://127.0.0.1:8086";

    [Required]
    public string Database { get; set; } = "equipment";

    /// <summary>InfluxDB 2.x/3.x token, sent as <c>Authorization: Token …</c>.</summary>
    public string? Token { get; set; }

    /// <summary>InfluxDB 1.x user, sent with <see cref="Password"/> as Basic auth.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Create the rollup retention policies and continuous queries on start (1.x; off for 2.x/3.x).</summary>
    public bool CreateRollups { get; set; } = true;

    [Range(1, 600)]
    public int RequestTimeoutSeconds { get; set; } = 30;
}
