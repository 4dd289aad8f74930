namespace Equipment.Gbt32960.Data;

/// <summary>Scaling (dividing by the resolution's inverse, so 123456 × 0.1 km is exactly 12345.6) with the standard's markers: 0xFE…/0xFF… (abnormal, invalid) become null, never a number.</summary>
internal static class Value
{
    public static double? B(byte raw, double divisor = 1, double offset = 0) => raw >= 0xFE ? null : (raw / divisor) + offset;

    public static double? W(ushort raw, double divisor = 1, double offset = 0) => raw >= 0xFFFE ? null : (raw / divisor) + offset;

    public static double? D(uint raw, double divisor = 1, double offset = 0) => raw >= 0xFFFFFFFE ? null : (raw / divisor) + offset;

    public static byte? Code(byte raw) => raw >= 0xFE ? null : raw;

    /// <summary>A count that is abnormal or invalid announces no entries.</summary>
    public static int Count(byte raw) => raw >= 0xFE ? 0 : raw;

    public static int Count(ushort raw) => raw >= 0xFFFE ? 0 : raw;
}
