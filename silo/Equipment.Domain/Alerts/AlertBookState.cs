namespace Equipment.Domain.Alerts;

public sealed class AlertBookState
{
    /// <summary>Open (active or acknowledged) alerts by rule id: at most one per rule.</summary>
    public Dictionary<string, Alert> Open { get; set; } = [];

    /// <summary>Recently cleared alerts, oldest first, bounded; kept so a cleared-unacknowledged alert can be acknowledged.</summary>
    public List<Alert> RecentlyCleared { get; set; } = [];

    /// <summary>Last sequence number used per rule id.</summary>
    public Dictionary<string, long> Sequences { get; set; } = [];

    public Dictionary<string, RuleRuntimeState> Runtime { get; set; } = [];

    /// <summary>Shelves in force by rule id: at most one per rule (an alert's own shelf is keyed by its rule too).</summary>
    public Dictionary<string, AlertShelf> Shelves { get; set; } = [];

    /// <summary>Ended shelves, oldest first, bounded: the audit of who shelved what, why, until when and how it ended.</summary>
    public List<AlertShelf> ShelfHistory { get; set; } = [];
}
