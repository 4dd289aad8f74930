using System.ComponentModel.DataAnnotations;

namespace Equipment.Grains.Hosting;

/// <summary>
/// Where the silo serves <c>/metrics</c> (Prometheus text) on a small Kestrel endpoint of its own: the silo has
/// no other HTTP. Port 0 lets the OS pick a free port (logged at start), so several silos on one machine never
/// collide; set a fixed port for a scraper.
/// </summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    [Required]
    public string Address { get; set; } = "127.0.0.1";

    [Range(0, 65535)]
    public int Port { get; set; }
}
