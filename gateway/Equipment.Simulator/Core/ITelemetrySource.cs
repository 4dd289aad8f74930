using InfluxDB.Client.Writes;

namespace Equipment.Simulator.Core;

/// <summary>A simulated device: turns the passage of simulated time into points.</summary>
public interface ITelemetrySource
{
    string Id { get; }

    /// <summary>True when the source has nothing more to send (replays end; live machines never do).</summary>
    bool IsFinished { get; }

    /// <summary>Emits every sample whose timestamp is at or before <paramref name="simulatedTimeUtc"/>.</summary>
    void AdvanceTo(DateTime simulatedTimeUtc, List<PointData> sink);
}
