namespace Equipment.Telemetry.Import;

/// <summary>A mapping file that cannot be used; <see cref="Key"/> is the JSON path of the offending entry.</summary>
public sealed class ImportMappingException(string key, string message) : Exception($"mapping: {key}: {message}")
{
    public string Key { get; } = key;
}
