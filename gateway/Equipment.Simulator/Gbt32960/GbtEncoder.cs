namespace Equipment.Simulator.Gbt32960;

/// <summary>
/// Data units of the frames a T-Box sends, written from the standard's tables (2016: tables 6–20 and B.4–B.8;
/// 2025: tables 6–28), independently of the gateway's decoder so that each checks the other.
/// Values out of range are clamped to the field's range; a null value is sent as "invalid" (0xFF…).
/// </summary>
public static class GbtEncoder
{
    public const int MaxCellsPerFrame = 200;

    /// <summary>Info type codes: 2025 renumbered alarms, cell voltages and temperatures and dropped the extremes.</summary>
    public static (byte Vehicle, byte Motor, byte Position, byte Extremes, byte Alarms, byte Cells, byte Probes) InfoTypes(GbtEdition edition) =>
        edition == GbtEdition.V2025 ? ((byte)0x01, (byte)0x02, (byte)0x05, (byte)0x00, (byte)0x06, (byte)0x07, (byte)0x08)
                                    : ((byte)0x01, (byte)0x02, (byte)0x05, (byte)0x06, (byte)0x07, (byte)0x08, (byte)0x09);

    /// <summary>0x01 vehicle login: time, daily serial, ICCID, then the battery systems and their codes.</summary>
    public static byte[] Login(GbtEdition edition, DateTime timeUtc, int serial, string iccid, IReadOnlyList<string> packCodes)
    {
        if (serial is < 1 or > 65531)
        {
            throw new ArgumentOutOfRangeException(nameof(serial), serial, "login serials run 1–65531");
        }

        var b = new BigEndianBuffer(64);
        b.BeijingTime(timeUtc);
        b.Word(serial);
        b.Ascii(iccid, 20);
        if (edition == GbtEdition.V2025)
        {
            // Table 6 (2025): n battery management systems, the pack count of each, then every pack's 24-character code.
            b.Byte(1);
            b.Byte(packCodes.Count);
            foreach (var code in packCodes)
            {
                b.Ascii(code, 24);
            }
        }
        else
        {
            // Table 6 (2016): n subsystems, code length m, n × m code.
            var m = packCodes.Count == 0 ? 0 : packCodes.Max(c => c.Length);
            b.Byte(packCodes.Count);
            b.Byte(m);
            foreach (var code in packCodes)
            {
                b.Ascii(code, m);
            }
        }

        return b.ToArray();
    }

    /// <summary>0x04 vehicle logout: time and the serial of the login it ends.</summary>
    public static byte[] Logout(DateTime timeUtc, int serial)
    {
        var b = new BigEndianBuffer(8);
        b.BeijingTime(timeUtc);
        b.Word(serial);
        return b.ToArray();
    }

    /// <summary>Data unit of a real-time (0x02) or re-sent (0x03) frame: time, then the info types.</summary>
    public static byte[] RealTime(GbtEdition edition, GbtSnapshot s)
    {
        if (s.CellVoltagesV.Count > MaxCellsPerFrame)
        {
            throw new ArgumentException($"{s.CellVoltagesV.Count} cells: a frame carries at most {MaxCellsPerFrame}", nameof(s));
        }

        var v2025 = edition == GbtEdition.V2025;
        var types = InfoTypes(edition);
        var b = new BigEndianBuffer(64 + (2 * s.CellVoltagesV.Count) + s.ProbeTempsC.Count);
        b.BeijingTime(s.TimeUtc);

        b.Byte(types.Vehicle);
        b.Byte(s.VehicleState);
        b.Byte(s.ChargingState);
        b.Byte(1); // running mode: pure electric
        b.Word(Word(s.SpeedKmh, 10, 0, v2025 ? 5000 : 2200));
        b.DWord(DWord(s.OdometerKm, 10, 0, 9_999_999));
        b.Word(Word(s.TotalVoltageV, 10, 0, v2025 ? 60000 : 10000));
        b.Word(v2025 ? Word(s.TotalCurrentA, 10, 3000, 60000) : Word(s.TotalCurrentA, 10, 1000, 20000));
        b.Byte(Byte(s.SocPct, 1, 0, 100));
        b.Byte(s.DcDcWorking ? 1 : 2);
        b.Byte(s.Gear);
        b.Word(Word(s.InsulationKohm, 1, 0, 60000));
        if (!v2025)
        {
            // Table B.4: accelerator travel, brake travel (0x65 would mean "braking, travel unknown").
            b.Byte(Byte(s.AcceleratorPct, 1, 0, 100));
            b.Byte(Byte(s.BrakePct, 1, 0, 100));
        }

        if (s.MotorPresent)
        {
            b.Byte(types.Motor);
            b.Byte(1);
            b.Byte(1);
            b.Byte(s.MotorState);
            b.Byte(Byte(s.MotorControllerTempC, 1, 40, 250));
            if (v2025)
            {
                // Table 16 (2025): speed offset 32,000 r/min, torque a DWORD (0.1 N·m, offset 20,000 N·m), no controller V/I.
                b.Word(Word(s.MotorRpm, 1, 32000, 65531));
                b.DWord(DWord(s.MotorTorqueNm, 10, 20000, 400_000));
                b.Byte(Byte(s.MotorTempC, 1, 40, 250));
            }
            else
            {
                b.Word(Word(s.MotorRpm, 1, 20000, 65531));
                b.Word(Word(s.MotorTorqueNm, 10, 2000, 65531));
                b.Byte(Byte(s.MotorTempC, 1, 40, 250));
                b.Word(Word(s.MotorControllerVoltageV, 10, 0, 60000));
                b.Word(Word(s.MotorControllerCurrentA, 10, 1000, 20000));
            }
        }

        b.Byte(types.Position);
        b.Byte((s.PositionValid ? 0 : 1) | (s.Latitude < 0 ? 2 : 0) | (s.Longitude < 0 ? 4 : 0));
        if (v2025)
        {
            b.Byte(0x01); // coordinate system: WGS84
        }

        b.DWord((uint)Math.Round(Math.Abs(s.Longitude) * 1e6));
        b.DWord((uint)Math.Round(Math.Abs(s.Latitude) * 1e6));

        if (!v2025 && s.CellVoltagesV.Count > 0 && s.ProbeTempsC.Count > 0)
        {
            var (maxCell, minCell) = Extremes(s.CellVoltagesV);
            var (maxProbe, minProbe) = Extremes(s.ProbeTempsC.Select(t => (double)t).ToList());
            b.Byte(types.Extremes);
            b.Byte(1);
            b.Byte(maxCell + 1);
            b.Word(Word(s.CellVoltagesV[maxCell], 1000, 0, 15000));
            b.Byte(1);
            b.Byte(minCell + 1);
            b.Word(Word(s.CellVoltagesV[minCell], 1000, 0, 15000));
            b.Byte(1);
            b.Byte(maxProbe + 1);
            b.Byte(Byte(s.ProbeTempsC[maxProbe], 1, 40, 250));
            b.Byte(1);
            b.Byte(minProbe + 1);
            b.Byte(Byte(s.ProbeTempsC[minProbe], 1, 40, 250));
        }

        b.Byte(types.Alarms);
        b.Byte(s.AlarmLevel);
        b.DWord(s.AlarmFlags);
        b.Byte(s.BatteryFaultCodes.Count);
        foreach (var code in s.BatteryFaultCodes)
        {
            b.DWord(code);
        }

        b.Byte(0); // motor faults
        b.Byte(0); // engine faults
        b.Byte(0); // other faults
        if (v2025)
        {
            // Table 23 (2025) adds the general alarms as (flag bit, level) pairs.
            var bits = Enumerable.Range(0, 32).Where(i => (s.AlarmFlags & (1u << i)) != 0).ToList();
            b.Byte(bits.Count);
            foreach (var bit in bits)
            {
                b.Byte(bit);
                b.Byte(s.AlarmLevel);
            }
        }

        if (s.CellVoltagesV.Count > 0)
        {
            b.Byte(types.Cells);
            b.Byte(1);
            b.Byte(1);
            b.Word(v2025 ? Word(s.TotalVoltageV, 10, 0, 60000) : Word(s.TotalVoltageV, 10, 0, 10000));
            b.Word(v2025 ? Word(s.TotalCurrentA, 10, 3000, 60000) : Word(s.TotalCurrentA, 10, 1000, 20000));
            b.Word(s.CellVoltagesV.Count);
            if (!v2025)
            {
                b.Word(1); // first cell of this frame
                b.Byte(s.CellVoltagesV.Count);
            }

            foreach (var cell in s.CellVoltagesV)
            {
                b.Word(Word(cell, 1000, 0, v2025 ? 60000 : 60000));
            }
        }

        if (s.ProbeTempsC.Count > 0)
        {
            b.Byte(types.Probes);
            b.Byte(1);
            b.Byte(1);
            b.Word(s.ProbeTempsC.Count);
            foreach (var t in s.ProbeTempsC)
            {
                b.Byte(Byte(t, 1, 40, 250));
            }
        }

        return b.ToArray();
    }

    /// <summary>(value + offset) × scale, rounded and clamped to 0…max; null is "invalid".</summary>
    public static int Word(double? value, double scale, double offset, int max) =>
        value is { } v && double.IsFinite(v) ? (int)Math.Clamp(Math.Round((v + offset) * scale, MidpointRounding.AwayFromZero), 0, max) : 0xFFFF;

    public static int Byte(double? value, double scale, double offset, int max) =>
        value is { } v && double.IsFinite(v) ? (int)Math.Clamp(Math.Round((v + offset) * scale, MidpointRounding.AwayFromZero), 0, max) : 0xFF;

    public static uint DWord(double? value, double scale, double offset, uint max) =>
        value is { } v && double.IsFinite(v) ? (uint)Math.Clamp(Math.Round((v + offset) * scale, MidpointRounding.AwayFromZero), 0, max) : 0xFFFFFFFF;

    /// <summary>Indexes of the highest and lowest value (first one on ties).</summary>
    private static (int Max, int Min) Extremes(IReadOnlyList<double> values)
    {
        var max = 0;
        var min = 0;
        for (var i = 1; i < values.Count; i++)
        {
            if (values[i] > values[max])
            {
                max = i;
            }

            if (values[i] < values[min])
            {
                min = i;
            }
        }

        return (max, min);
    }
}
