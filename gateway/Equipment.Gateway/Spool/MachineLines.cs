using Equipment.Contracts.Messages;

namespace Equipment.Gateway.Spool;

/// <summary>One machine's lines from several spooled records, with where each record ends (position and byte offset).</summary>
internal sealed class MachineLines
{
    private readonly List<byte[]> _parts = [];
    private readonly List<long> _positions = [];
    private readonly List<int> _ends = [];
    private int _length;

    public int Points { get; private set; }

    public void Add(byte[] lines, int points, long recordEnd)
    {
        _parts.Add(lines);
        _length += lines.Length;
        Points += points;
        if (_positions.Count > 0 && _positions[^1] == recordEnd)
        {
            // The same machine twice in one record: still one record for the twin.
            _ends[^1] = _length;
            return;
        }

        _positions.Add(recordEnd);
        _ends.Add(_length);
    }

    public TelemetryBatch ToBatch(string spoolId)
    {
        byte[] lines;
        if (_parts.Count == 1)
        {
            lines = _parts[0];
        }
        else
        {
            lines = GC.AllocateUninitializedArray<byte>(_length);
            var at = 0;
            foreach (var part in _parts)
            {
                part.CopyTo(lines, at);
                at += part.Length;
            }
        }

        return new TelemetryBatch(lines, Points, spoolId, [.. _positions], [.. _ends]);
    }
}
