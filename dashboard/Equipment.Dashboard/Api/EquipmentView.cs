using Equipment.Contracts.Messages;
using Equipment.Domain.Alerts;
using Equipment.Domain.Tbm;
using Equipment.Domain.Truck;

namespace Equipment.Dashboard.Api;

/// <summary>The REST shape of a machine's live state.</summary>
public sealed record EquipmentView(
    string Id,
    string Kind,
    string? Name,
    string? Site,
    string? Fleet,
    DateTimeOffset? LastSeen,
    DateTimeOffset? LastMeasured,
    long PointsReceived,
    bool Stale,
    SortedDictionary<string, FieldView> Fields,
    TbmKpis? Tbm,
    TruckKpis? Truck,
    Alert[] OpenAlerts)
{
    /// <summary>A machine silent for this long is shown as stale (offline).</summary>
    public static readonly TimeSpan StaleAfter = EquipmentQuery.DefaultStaleAfter;

    public static EquipmentView From(EquipmentSnapshot s, DateTimeOffset now)
    {
        var fields = new SortedDictionary<string, FieldView>(StringComparer.Ordinal);
        foreach (var (name, f) in s.Fields)
        {
            fields[name] = new FieldView(f.Number ?? (object?)f.Boolean ?? f.Text, f.Time);
        }

        return new EquipmentView(
            s.Id,
            s.Kind,
            s.Name,
            s.Kind == "tbm" ? s.Group : null,
            s.Kind == "truck" ? s.Group : null,
            s.LastSeen,
            s.LastMeasured,
            s.PointsReceived,
            s.LastSeen is null || now - s.LastSeen > StaleAfter,
            fields,
            s.Tbm,
            s.Truck,
            s.OpenAlerts ?? []);
    }
}
