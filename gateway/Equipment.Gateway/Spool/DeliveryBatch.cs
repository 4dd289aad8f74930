using Equipment.Telemetry.Schema;

namespace Equipment.Gateway.Spool;

/// <summary>
/// Consecutive spooled records coalesced for delivery: their lines grouped per machine, each machine's in log
/// order, so a thousand 10-line requests become one call per machine instead of ten thousand calls.
/// </summary>
internal sealed class DeliveryBatch
{
    private readonly List<long> _receivedUnixMs = [];

    public Dictionary<(EquipmentKind Kind, string Id), MachineLines> Machines { get; } = [];

    /// <summary>Log position just past the last record: the checkpoint may move here once every call completed.</summary>
    public long End { get; private set; }

    public int Points { get; private set; }

    public long Bytes { get; private set; }

    public int Records => _receivedUnixMs.Count;

    /// <summary>When each record was accepted (unix ms), for the delivery lag.</summary>
    public IReadOnlyList<long> ReceivedUnixMs => _receivedUnixMs;

    public void Add(SpoolEntry entry)
    {
        foreach (var lines in entry.Batches)
        {
            var key = (lines.Kind, lines.Id);
            if (!Machines.TryGetValue(key, out var machine))
            {
                Machines[key] = machine = new MachineLines();
            }

            machine.Add(lines.Lines, lines.Points, entry.End);
            Bytes += lines.Lines.Length;
        }

        Points += entry.Points;
        End = entry.End;
        _receivedUnixMs.Add(entry.ReceivedUnixMs);
    }
}
