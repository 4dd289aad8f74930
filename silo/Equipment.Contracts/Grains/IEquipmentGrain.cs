using Orleans.Concurrency;
using Equipment.Contracts.Messages;

namespace Equipment.Contracts.Grains;

/// <summary>What every equipment twin does: take telemetry, show its live state.</summary>
public interface IEquipmentGrain : IGrainWithStringKey
{
    /// <summary>
    /// Applies the batch to the live state and completes once InfluxDB has stored it. Interleaved so that a
    /// machine's next batch is applied while the previous one waits for its InfluxDB flush.
    /// </summary>
    [AlwaysInterleave]
    Task Ingest(TelemetryBatch batch);

    [AlwaysInterleave]
    Task<EquipmentSnapshot> GetSnapshot();

    /// <summary>Registers or updates the machine's name, group, parameters and rule overrides (persisted).</summary>
    Task Register(EquipmentRegistration registration);

    Task<EquipmentRegistration> GetRegistration();

    /// <summary>Acknowledges one of this machine's alerts; null when it has no such alert.</summary>
    Task<Equipment.Domain.Alerts.Alert?> Acknowledge(string alertId, string by);
}
