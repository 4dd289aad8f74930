namespace Equipment.Telemetry.Ingest;

/// <summary>Timestamp precision of a write request, as nanoseconds per unit.</summary>
public static class Precision
{
    /// <summary>Accepts the names of both write APIs: v2 (ns, us, ms, s) and v1 (n, u, ms, s, m, h); empty means ns.</summary>
    public static bool TryParse(string? value, out long nanosecondsPerUnit)
    {
        nanosecondsPerUnit = value switch
        {
            null or "" or "ns" or "n" => 1,
            "us" or "u" or "µs" => 1_000,
            "ms" => 1_000_000,
            "s" => 1_000_000_000,
            "m" => 60_000_000_000,
            "h" => 3_600_000_000_000,
            _ => 0,
        };
        return nanosecondsPerUnit != 0;
    }
}
