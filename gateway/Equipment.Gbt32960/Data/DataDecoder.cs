using System.Text;
using Equipment.Gbt32960.Framing;

namespace Equipment.Gbt32960.Data;

/// <summary>
/// Decodes plain data units by edition. A data unit whose lengths or counts lie (a list running past the end, bytes
/// left over, an unknown info type whose length the standard does not give) is an error naming the field, never an exception.
/// </summary>
public static class DataDecoder
{
    public const int MaxCellsPerFrame2016 = 200;

    public static DecodeResult<VehicleLogin> VehicleLogin(Edition edition, ReadOnlySpan<byte> data)
    {
        try
        {
            var r = new BigEndianReader(data);
            var time = r.Time("login time");
            var serial = r.Word("login serial");
            var iccid = Text(r.Bytes(20, "ICCID"));
            var codes = new List<string>();
            var n = r.Byte("subsystem count");
            if (edition == Edition.V2016)
            {
                var m = r.Byte("subsystem code length");
                for (var i = 0; i < Value.Count(n); i++)
                {
                    codes.Add(Text(r.Bytes(m, $"subsystem code {i + 1}")));
                }
            }
            else
            {
                var packs = 0;
                for (var i = 0; i < Value.Count(n); i++)
                {
                    packs += Value.Count(r.Byte($"pack count of battery system {i + 1}"));
                }

                for (var i = 0; i < packs; i++)
                {
                    codes.Add(Text(r.Bytes(24, $"pack code {i + 1}")));
                }
            }

            End(ref r, "login");
            return new(new VehicleLogin(time, serial, iccid, codes), null);
        }
        catch (DataFormatException e)
        {
            return new(null, e.Message);
        }
    }

    public static DecodeResult<LoginSerial> Logout(ReadOnlySpan<byte> data)
    {
        try
        {
            var r = new BigEndianReader(data);
            var result = new LoginSerial(r.Time("logout time"), r.Word("logout serial"));
            End(ref r, "logout");
            return new(result, null);
        }
        catch (DataFormatException e)
        {
            return new(null, e.Message);
        }
    }

    public static DecodeResult<PlatformLogin> PlatformLogin(ReadOnlySpan<byte> data)
    {
        try
        {
            var r = new BigEndianReader(data);
            var result = new PlatformLogin(r.Time("platform login time"), r.Word("login serial"), Text(r.Bytes(12, "user")), Text(r.Bytes(20, "password")), r.Byte("encryption rule"));
            End(ref r, "platform login");
            return new(result, null);
        }
        catch (DataFormatException e)
        {
            return new(null, e.Message);
        }
    }

    /// <summary>A real-time (0x02) or re-sent (0x03) data unit.</summary>
    public static DecodeResult<RealtimeData> Realtime(Edition edition, ReadOnlySpan<byte> data)
    {
        try
        {
            return new(ReadRealtime(edition, data), null);
        }
        catch (DataFormatException e)
        {
            return new(null, e.Message);
        }
    }

    private static RealtimeData ReadRealtime(Edition edition, ReadOnlySpan<byte> data)
    {
        var r = new BigEndianReader(data);
        var time = r.Time("sample time");
        VehicleData? vehicle = null;
        FuelCellData? fuelCell = null;
        EngineData? engine = null;
        PositionData? position = null;
        ExtremesData? extremes = null;
        AlarmData? alarm = null;
        var motors = new List<MotorData>();
        var cells = new List<CellVoltages>();
        var probes = new List<ProbeTemperatures>();
        var raw = new List<RawInfo>();
        var v25 = edition == Edition.V2025;
        while (r.Remaining > 0)
        {
            var at = r.Position;
            var type = r.Byte("info type");
            switch (type)
            {
                case 0x01:
                    vehicle = ReadVehicle(ref r, v25);
                    break;
                case 0x02:
                    ReadMotors(ref r, v25, motors);
                    break;
                case 0x03:
                    fuelCell = ReadFuelCell(ref r, v25);
                    break;
                case 0x04:
                    engine = v25
                        ? new EngineData(null, Value.W(r.Word("crankshaft speed")), null)
                        : new EngineData(Value.Code(r.Byte("engine state")), Value.W(r.Word("crankshaft speed")), Value.W(r.Word("fuel consumption"), 100));
                    break;
                case 0x05:
                    position = ReadPosition(ref r, v25);
                    break;
                case 0x06 when !v25:
                    extremes = ReadExtremes(ref r);
                    break;
                case 0x07 when !v25:
                case 0x06 when v25:
                    alarm = ReadAlarm(ref r, v25);
                    break;
                case 0x08 when !v25:
                case 0x07 when v25:
                    ReadCells(ref r, v25, cells);
                    break;
                case 0x09 when !v25:
                case 0x08 when v25:
                    ReadProbes(ref r, probes);
                    break;
                case 0x30 when v25:
                    raw.Add(new RawInfo(type, SkipStacks(ref r, data, at)));
                    break;
                case 0x31 when v25:
                    raw.Add(new RawInfo(type, SkipSupercap(ref r, data, at)));
                    break;
                case 0x32 when v25:
                    raw.Add(new RawInfo(type, r.Bytes(18, "supercapacitor extremes").ToArray()));
                    break;
                case 0xFF when v25:
                    raw.Add(new RawInfo(type, ReadSignature(ref r, data, at)));
                    End(ref r, "signature");
                    break;
                case >= 0x80 and <= 0xFE:
                    var length = r.Word($"length of custom info 0x{type:X2}");
                    raw.Add(new RawInfo(type, r.Bytes(length, $"custom info 0x{type:X2}").ToArray()));
                    break;
                default:
                    throw new DataFormatException($"info type 0x{type:X2} at offset {at} is not defined for the {(v25 ? "2025" : "2016")} edition and has no length to skip it");
            }
        }

        return new RealtimeData(time, vehicle, motors, fuelCell, engine, position, extremes, alarm, cells, probes, raw);
    }

    private static VehicleData ReadVehicle(ref BigEndianReader r, bool v25)
    {
        var state = Value.Code(r.Byte("vehicle state"));
        var charging = Value.Code(r.Byte("charging state"));
        var mode = Value.Code(r.Byte("running mode"));
        var speed = Value.W(r.Word("speed"), 10);
        var odometer = Value.D(r.DWord("odometer"), 10);
        var voltage = Value.W(r.Word("total voltage"), 10);
        var current = Value.W(r.Word("total current"), 10, v25 ? -3000 : -1000);
        var soc = Value.B(r.Byte("SOC"));
        var dcdc = Value.Code(r.Byte("DC-DC state"));
        var gear = r.Byte("gear");
        var insulation = Value.W(r.Word("insulation resistance"));
        double? accelerator = null, brake = null;
        if (!v25)
        {
            accelerator = Value.B(r.Byte("accelerator pedal"));
            brake = Value.B(r.Byte("brake pedal"));
        }

        return new VehicleData(state, charging, mode, speed, odometer, voltage, current, soc, dcdc, gear, insulation, accelerator, brake);
    }

    private static void ReadMotors(ref BigEndianReader r, bool v25, List<MotorData> motors)
    {
        var count = Value.Count(r.Byte("motor count"));
        for (var i = 0; i < count; i++)
        {
            var number = r.Byte($"motor {i + 1} number");
            var state = Value.Code(r.Byte($"motor {i + 1} state"));
            var controllerTemp = Value.B(r.Byte($"motor {i + 1} controller temperature"), 1, -40);
            if (v25)
            {
                var speed = Value.W(r.Word($"motor {i + 1} speed"), 1, -32000);
                var torque = Value.D(r.DWord($"motor {i + 1} torque"), 10, -20000);
                var temp = Value.B(r.Byte($"motor {i + 1} temperature"), 1, -40);
                motors.Add(new MotorData(number, state, controllerTemp, speed, torque, temp, null, null));
            }
            else
            {
                var speed = Value.W(r.Word($"motor {i + 1} speed"), 1, -20000);
                var torque = Value.W(r.Word($"motor {i + 1} torque"), 10, -2000);
                var temp = Value.B(r.Byte($"motor {i + 1} temperature"), 1, -40);
                var voltage = Value.W(r.Word($"motor {i + 1} controller input voltage"), 10);
                var current = Value.W(r.Word($"motor {i + 1} controller bus current"), 10, -1000);
                motors.Add(new MotorData(number, state, controllerTemp, speed, torque, temp, voltage, current));
            }
        }
    }

    private static FuelCellData ReadFuelCell(ref BigEndianReader r, bool v25)
    {
        if (v25)
        {
            var maxTemp = Value.W(r.Word("hydrogen max temperature"), 1, -40);
            r.Byte("hydrogen max temperature probe");
            var concentration = Value.W(r.Word("hydrogen max concentration"), 10000);
            r.Byte("hydrogen concentration sensor");
            var pressure = Value.W(r.Word("hydrogen max pressure"), 10);
            r.Byte("hydrogen pressure sensor");
            var dcdc = Value.Code(r.Byte("high-voltage DC-DC state"));
            var remaining = Value.B(r.Byte("hydrogen remaining"));
            r.Byte("DC-DC controller temperature");
            return new FuelCellData(null, null, null, [], maxTemp, concentration, pressure, dcdc, remaining);
        }

        var voltage = Value.W(r.Word("fuel cell voltage"), 10);
        var current = Value.W(r.Word("fuel cell current"), 10);
        var consumption = Value.W(r.Word("fuel consumption"), 100);
        var n = Value.Count(r.Word("fuel cell probe count"));
        var probes = r.Bytes(n, "fuel cell probe temperatures");
        var temps = new double?[n];
        for (var i = 0; i < n; i++)
        {
            temps[i] = Value.B(probes[i], 1, -40);
        }

        var h2Temp = Value.W(r.Word("hydrogen max temperature"), 10, -40);
        r.Byte("hydrogen max temperature probe");
        var h2Concentration = Value.W(r.Word("hydrogen max concentration"));
        r.Byte("hydrogen concentration sensor");
        var h2Pressure = Value.W(r.Word("hydrogen max pressure"), 10);
        r.Byte("hydrogen pressure sensor");
        var state = Value.Code(r.Byte("high-voltage DC-DC state"));
        return new FuelCellData(voltage, current, consumption, temps, h2Temp, h2Concentration, h2Pressure, state, null);
    }

    private static PositionData ReadPosition(ref BigEndianReader r, bool v25)
    {
        var status = r.Byte("positioning status");
        byte? system = v25 ? r.Byte("coordinate system") : null;
        var lon = Value.D(r.DWord("longitude"), 1e6);
        var lat = Value.D(r.DWord("latitude"), 1e6);
        if ((status & 0x02) != 0)
        {
            lat = -lat;
        }

        if ((status & 0x04) != 0)
        {
            lon = -lon;
        }

        return new PositionData((status & 0x01) == 0, lat, lon, system);
    }

    private static ExtremesData ReadExtremes(ref BigEndianReader r) =>
        new(
            Value.Code(r.Byte("max-voltage subsystem")), Value.Code(r.Byte("max-voltage cell")), Value.W(r.Word("max cell voltage"), 1000),
            Value.Code(r.Byte("min-voltage subsystem")), Value.Code(r.Byte("min-voltage cell")), Value.W(r.Word("min cell voltage"), 1000),
            Value.Code(r.Byte("max-temperature subsystem")), Value.Code(r.Byte("max-temperature probe")), Value.B(r.Byte("max temperature"), 1, -40),
            Value.Code(r.Byte("min-temperature subsystem")), Value.Code(r.Byte("min-temperature probe")), Value.B(r.Byte("min temperature"), 1, -40));

    private static AlarmData ReadAlarm(ref BigEndianReader r, bool v25)
    {
        var level = r.Byte("alarm level");
        var flags = r.DWord("general alarm flags");
        var battery = Codes(ref r, "battery fault");
        var motor = Codes(ref r, "motor fault");
        var engine = Codes(ref r, "engine fault");
        var other = Codes(ref r, "other fault");
        var levels = new List<(byte, byte)>();
        if (v25)
        {
            var n = Value.Count(r.Byte("general alarm count"));
            for (var i = 0; i < n; i++)
            {
                levels.Add((r.Byte($"general alarm {i + 1} flag"), r.Byte($"general alarm {i + 1} level")));
            }
        }

        var max = v25 ? 4 : 3;
        return new AlarmData(level <= max ? level : null, flags, battery, motor, engine, other, levels);
    }

    private static uint[] Codes(ref BigEndianReader r, string what)
    {
        var n = Value.Count(r.Byte($"{what} count"));
        var codes = new uint[n];
        for (var i = 0; i < n; i++)
        {
            codes[i] = r.DWord($"{what} code {i + 1}");
        }

        return codes;
    }

    private static void ReadCells(ref BigEndianReader r, bool v25, List<CellVoltages> cells)
    {
        var count = Value.Count(r.Byte("cell-voltage subsystem count"));
        for (var s = 0; s < count; s++)
        {
            var number = r.Byte($"cell-voltage subsystem {s + 1} number");
            var voltage = Value.W(r.Word($"subsystem {number} voltage"), 10);
            var current = Value.W(r.Word($"subsystem {number} current"), 10, v25 ? -3000 : -1000);
            var total = Value.Count(r.Word($"subsystem {number} cell count"));
            int first, inFrame;
            if (v25)
            {
                first = 1;
                inFrame = total;
            }
            else
            {
                first = r.Word($"subsystem {number} first cell");
                inFrame = r.Byte($"subsystem {number} cells in frame");
                if (inFrame > MaxCellsPerFrame2016)
                {
                    throw new DataFormatException($"subsystem {number} claims {inFrame} cells in one frame; at most {MaxCellsPerFrame2016}");
                }

                if (inFrame > 0 && (first < 1 || first + inFrame - 1 > total))
                {
                    throw new DataFormatException($"subsystem {number}: cells {first}..{first + inFrame - 1} lie outside its {total} cells");
                }
            }

            var raw = r.Bytes(inFrame * 2, $"subsystem {number} cell voltages ({inFrame} cells)");
            var values = new double?[inFrame];
            for (var i = 0; i < inFrame; i++)
            {
                values[i] = Value.W((ushort)((raw[2 * i] << 8) | raw[(2 * i) + 1]), 1000);
            }

            cells.Add(new CellVoltages(number, voltage, current, total, first, values));
        }
    }

    private static void ReadProbes(ref BigEndianReader r, List<ProbeTemperatures> probes)
    {
        var count = Value.Count(r.Byte("probe subsystem count"));
        for (var s = 0; s < count; s++)
        {
            var number = r.Byte($"probe subsystem {s + 1} number");
            var n = Value.Count(r.Word($"subsystem {number} probe count"));
            var raw = r.Bytes(n, $"subsystem {number} probe temperatures ({n} probes)");
            var values = new double?[n];
            for (var i = 0; i < n; i++)
            {
                values[i] = Value.B(raw[i], 1, -40);
            }

            probes.Add(new ProbeTemperatures(number, values));
        }
    }

    private static byte[] SkipStacks(ref BigEndianReader r, ReadOnlySpan<byte> data, int at)
    {
        var count = Value.Count(r.Byte("fuel-cell stack count"));
        for (var i = 0; i < count; i++)
        {
            r.Bytes(10, $"fuel-cell stack {i + 1}");
            r.Bytes(Value.Count(r.Word($"fuel-cell stack {i + 1} probe count")), $"fuel-cell stack {i + 1} probe temperatures");
        }

        return data[(at + 1)..r.Position].ToArray();
    }

    private static byte[] SkipSupercap(ref BigEndianReader r, ReadOnlySpan<byte> data, int at)
    {
        r.Bytes(5, "supercapacitor header");
        r.Bytes(2 * Value.Count(r.Word("supercapacitor cell count")), "supercapacitor cell voltages");
        r.Bytes(Value.Count(r.Word("supercapacitor probe count")), "supercapacitor probe temperatures");
        return data[(at + 1)..r.Position].ToArray();
    }

    private static byte[] ReadSignature(ref BigEndianReader r, ReadOnlySpan<byte> data, int at)
    {
        r.Byte("signature type");
        r.Bytes(r.Word("signature R length"), "signature R");
        r.Bytes(r.Word("signature S length"), "signature S");
        return data[(at + 1)..r.Position].ToArray();
    }

    private static void End(ref BigEndianReader r, string what)
    {
        if (r.Remaining != 0)
        {
            throw new DataFormatException($"{r.Remaining} bytes left over after the {what} data at offset {r.Position}");
        }
    }

    /// <summary>Fixed-width text fields end at the first NUL (STRING); padding spaces are dropped.</summary>
    private static string Text(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.IndexOf((byte)0);
        return Vin.FromBytes(end < 0 ? bytes : bytes[..end]).TrimEnd();
    }
}
