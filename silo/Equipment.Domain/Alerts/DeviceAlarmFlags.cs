namespace Equipment.Domain.Alerts;

/// <summary>English names of the GB/T 32960.3 general alarm flag bits (2016 bits 0–18; 2025 table 24 adds 19–27), for alert messages.</summary>
public static class DeviceAlarmFlags
{
    private static readonly string[] Names =
    [
        "temperature difference", "battery high temperature", "pack over-voltage", "pack under-voltage", "SOC low",
        "cell over-voltage", "cell under-voltage", "SOC high", "SOC jump", "storage system mismatch",
        "poor cell consistency", "insulation failure", "DC-DC temperature", "brake system", "DC-DC state",
        "motor controller temperature", "high-voltage interlock", "motor temperature", "storage overcharge",
        "motor overspeed", "motor overcurrent", "supercapacitor over-temperature", "supercapacitor over-voltage",
        "battery thermal event", "hydrogen leak", "hydrogen system pressure", "hydrogen system temperature",
        "fuel-cell stack over-temperature", "reserved bit 28", "reserved bit 29", "reserved bit 30", "reserved bit 31",
    ];

    public static string Name(int bit) => Names[bit];

    /// <summary>The set flags' names, lowest bit first.</summary>
    public static IReadOnlyList<string> Describe(uint flags)
    {
        var names = new List<string>();
        for (var bit = 0; bit < 32; bit++)
        {
            if ((flags & (1u << bit)) != 0)
            {
                names.Add(Names[bit]);
            }
        }

        return names;
    }
}
