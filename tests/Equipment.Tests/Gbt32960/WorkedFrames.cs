namespace Equipment.Tests.Gbt32960;

/// <summary>
/// Frames written out byte by byte from the standard's tables (VIN LGBT32960TEST0001, sample time 2026-12-02 21:30:05
/// Beijing = 13:30:05 UTC). The BCC is the XOR of bytes 2…n-2, worked out once and checked by the tests.
/// </summary>
internal static class WorkedFrames
{
    public const string Vin = "LGBT32960TEST0001";

    public static readonly DateTimeOffset SampleTime = new(2026, 12, 2, 13, 30, 5, TimeSpan.Zero);

    /// <summary>2016 heartbeat: ## 07 FE VIN 01 0000, BCC 0xCC.</summary>
    public static byte[] Heartbeat2016 => Hex("23 23 07 FE 4C 47 42 54 33 32 39 36 30 54 45 53 54 30 30 30 31 01 00 00 CC");

    /// <summary>
    /// 2016 real-time, 110-byte data unit: time; 01 vehicle (on, not charging, EV, 50.0 km/h, 12345.6 km, 600.0 V,
    /// 10.0 A, SOC 80, DC-DC on, gear 0x2E, 5000 kΩ, pedals 20 % / 0); 05 position (valid, 104.065735 E, 30.657420 N);
    /// 02 one motor (controller 40 °C, 3000 r/min, 50.0 N·m, 50 °C, 600.0 V, 10.0 A); 06 extremes (3.720 V cell 1/2,
    /// 3.700 V cell 1/1, 25 °C probe 1/2, 23 °C probe 1/1); 07 alarms (level 2, flags bits 1 and 11, one other fault
    /// 0x1234); 08 cells (subsystem 1, 3 cells from 1: 3.700, 3.720, invalid); 09 probes (23, 25 °C); 80 custom AB CD.
    /// </summary>
    public static byte[] Realtime2016 => Hex(
        "23 23 02 FE 4C 47 42 54 33 32 39 36 30 54 45 53 54 30 30 30 31 01 00 6E 1A 0C 02 15 1E 05 01 01 03 01 01 F4 00 01 E2 40 " +
        "17 70 27 74 50 01 2E 13 88 14 00 05 00 06 33 EA C7 01 D3 CB 8C 02 01 01 01 50 59 D8 50 14 5A 17 70 27 74 06 01 02 0E 88 " +
        "01 01 0E 74 01 02 41 01 01 3F 07 02 00 00 08 02 00 00 00 01 00 00 12 34 08 01 01 17 70 27 74 00 03 00 01 03 0E 74 0E 88 " +
        "FF FF 09 01 01 00 02 3F 41 80 00 02 AB CD A1");

    /// <summary>
    /// 2025 real-time ($$), 91-byte data unit: 01 vehicle (18 bytes, current offset 3000 A: 0x7594 = 10.0 A); 02 motor
    /// (10 bytes: speed offset 32000 → 3000 r/min, DWORD torque 0x30F34 → 50.0 N·m); 05 position with coordinate system
    /// 01; 06 alarms (level 4, flag bit 23 thermal event, N5 = 1: flag 23 level 4); 07 cells (pack 1, 2 cells: 3.700,
    /// 3.720 V); 08 probes (23, 25 °C); FF signature (SM2, R = AA BB, S = CC DD).
    /// </summary>
    public static byte[] Realtime2025 => Hex(
        "24 24 02 FE 4C 47 42 54 33 32 39 36 30 54 45 53 54 30 30 30 31 01 00 5B 1A 0C 02 15 1E 05 01 01 03 01 01 F4 00 01 E2 40 " +
        "17 70 75 94 50 01 2E 13 88 02 01 01 01 50 88 B8 00 03 0F 34 5A 05 00 01 06 33 EA C7 01 D3 CB 8C 06 04 00 80 00 00 00 00 " +
        "00 00 01 17 04 07 01 01 17 70 75 94 00 02 0E 74 0E 88 08 01 01 00 02 3F 41 FF 01 00 02 AA BB 00 02 CC DD 53");

    /// <summary>The 2016 success reply to a login sent at the sample time: ## 01 01 VIN 01 0006 time, BCC 0x29.</summary>
    public static byte[] LoginSuccessReply2016 => Hex("23 23 01 01 4C 47 42 54 33 32 39 36 30 54 45 53 54 30 30 30 31 01 00 06 1A 0C 02 15 1E 05 29");

    public static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));
}
