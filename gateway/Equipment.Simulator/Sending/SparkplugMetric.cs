namespace Equipment.Simulator.Sending;

/// <summary>One Sparkplug B metric: by name (births) or alias (data), with a double, long, ulong, bool or string value.</summary>
public sealed record SparkplugMetric(string? Name, ulong? Alias, uint DataType, object Value);
