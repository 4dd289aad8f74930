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

    /// <summary>
    /// Shelves one of this machine's rules (<paramref name="alertId"/> null) or one open alert of it for
    /// <paramref name="duration"/> from the twin's clock; persisted and announced before it returns. Null when the
    /// rule is unknown or the alert not open.
    /// </summary>
    Task<Equipment.Domain.Alerts.AlertShelf?> Shelve(string ruleId, string? alertId, string by, string reason, TimeSpan duration);

    /// <summary>Ends the rule's shelf early; the ended shelf, or null when the rule is not shelved.</summary>
    Task<Equipment.Domain.Alerts.AlertShelf?> Unshelve(string ruleId, string by);

    /// <summary>Shelves in force, then the recently ended ones (the audit).</summary>
    [AlwaysInterleave]
    Task<Equipment.Domain.Alerts.AlertShelf[]> GetShelves();

    /// <summary>The machine's effective alert rules (built-in, then per-kind and per-machine overrides).</summary>
    [AlwaysInterleave]
    Task<Equipment.Domain.Alerts.AlertRule[]> GetRules();
}
