using System.ComponentModel.DataAnnotations;

namespace Equipment.Grains.Grains;

/// <summary>
/// The twins' own clock (section <c>Twins</c>): while active each twin re-evaluates its time-based rules on its own
/// timer; an idle twin is deactivated and, if something time-based is still due (offline, a parked truck's run
/// end), leaves a reminder that wakes it once for that. No grain visits every twin.
/// </summary>
public sealed class TwinOptions
{
    public const string Section = "Twins";

    /// <summary>How often an active twin re-evaluates offline and run end without telemetry, and saves if due.</summary>
    [Range(1, 3600)]
    public int TickSeconds { get; set; } = 15;

    /// <summary>How often a reporting twin refreshes its summary in the directory (lists, counts, stale marks).</summary>
    [Range(1, 110)]
    public int SummarySeconds { get; set; } = 30;

    /// <summary>
    /// A twin without calls for this long is deactivated (Orleans collection age; Orleans checks once a minute and
    /// wants the age above that, hence at least 2).
    /// </summary>
    [Range(2, 24 * 60)]
    public int IdleMinutes { get; set; } = 5;
}
