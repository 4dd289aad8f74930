namespace Equipment.Contracts.Messages;

/// <summary>
/// Counts for the overview: machines by kind, offline ones, open alerts by state and severity, and machines per
/// site/fleet (keys <c>site:NAME</c> / <c>fleet:NAME</c>). Shards' counts add up. Shelved open alerts are counted
/// only in <c>Shelved</c>, not by severity or as acknowledged: they are not alerting.
/// </summary>
[GenerateSerializer, Immutable, Alias("equipment.EquipmentCounts")]
public sealed record EquipmentCounts(
    int Tbms,
    int Trucks,
    int Offline,
    Dictionary<string, int> ActiveBySeverity,
    int Acknowledged,
    Dictionary<string, int> Groups,
    int Shelved = 0)
{
    public static EquipmentCounts Sum(IEnumerable<EquipmentCounts> parts)
    {
        int tbms = 0, trucks = 0, offline = 0, acknowledged = 0, shelved = 0;
        var severity = new Dictionary<string, int>(StringComparer.Ordinal);
        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in parts)
        {
            tbms += p.Tbms;
            trucks += p.Trucks;
            offline += p.Offline;
            acknowledged += p.Acknowledged;
            shelved += p.Shelved;
            foreach (var (k, v) in p.ActiveBySeverity)
            {
                severity[k] = severity.GetValueOrDefault(k) + v;
            }

            foreach (var (k, v) in p.Groups)
            {
                groups[k] = groups.GetValueOrDefault(k) + v;
            }
        }

        return new EquipmentCounts(tbms, trucks, offline, severity, acknowledged, groups, shelved);
    }
}
