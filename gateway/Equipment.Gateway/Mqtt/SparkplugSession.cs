namespace Equipment.Gateway.Mqtt;

/// <summary>What an edge node's NBIRTH and DBIRTHs declared: its birth/death sequence, last seq, metric aliases, devices.</summary>
internal sealed class SparkplugSession(ulong bdSeq, ulong seq)
{
    public ulong BdSeq { get; } = bdSeq;

    public ulong LastSeq { get; set; } = seq;

    /// <summary>Aliases are unique across an edge node and its devices (Sparkplug B 3.0), so one table serves both.</summary>
    public Dictionary<ulong, string> Aliases { get; } = [];

    public HashSet<string> Devices { get; } = new(StringComparer.Ordinal);
}
