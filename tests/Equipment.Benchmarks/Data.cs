using System.Globalization;
using Equipment.Telemetry.Ingest;

namespace Equipment.Benchmarks;

/// <summary>
/// Deterministic (seeded) TBM and truck telemetry as in CONTRACTS.md, 11 fields a line. Every machine keeps
/// its own state and emits one sample per second; timestamps never repeat within a series, so InfluxDB
/// keeps every point (same series + time would overwrite).
/// </summary>
public sealed class Machines
{
    /// <summary>2026-01-01T00:00:00Z in ns.</summary>
    public const long BaseNs = 1_767_225_600_000_000_000;

    private readonly Machine[] _machines;

    public Machines(int count, int seed = 42, string prefix = "")
    {
        var random = new Random(seed);
        _machines = new Machine[count];
        for (var i = 0; i < count; i++)
        {
            // One in five machines is a TBM, the rest are trucks.
            _machines[i] = i % 5 == 0
                ? new Tbm($"{prefix}tbm-{i:D4}", $"site-{i % 7}", random)
                : new Truck($"{prefix}truck-{i:D4}", $"fleet-{i % 11}", random);
        }
    }

    public int Count => _machines.Length;

    /// <summary>Appends machine <paramref name="index"/>'s next sample, stamped <paramref name="timeNs"/>.</summary>
    public void WriteSample(int index, long timeNs, ByteBuffer buffer) => _machines[index].Write(timeNs, buffer);

    /// <summary>Sample <paramref name="step"/> of machine <paramref name="index"/>: 1 Hz from <paramref name="baseNs"/>, offset per machine.</summary>
    public static long TimeOf(long baseNs, int index, long step) => baseNs + (step * 1_000_000_000L) + (index * 1000L);

    /// <summary>
    /// Bodies of <paramref name="linesPerBody"/> lines interleaving all machines (step-major), so each body spans hundreds of series.
    /// </summary>
    public static List<byte[]> Interleaved(Machines machines, long points, int linesPerBody, long baseNs)
    {
        var bodies = new List<byte[]>();
        using var buffer = new ByteBuffer(linesPerBody * 256);
        var lines = 0;
        long written = 0;
        for (long step = 0; written < points; step++)
        {
            for (var m = 0; m < machines.Count && written < points; m++)
            {
                machines.WriteSample(m, TimeOf(baseNs, m, step), buffer);
                written++;
                if (++lines == linesPerBody)
                {
                    bodies.Add(buffer.ToArray());
                    buffer.Clear();
                    lines = 0;
                }
            }
        }

        if (lines > 0)
        {
            bodies.Add(buffer.ToArray());
        }

        return bodies;
    }

    /// <summary>Per machine, <paramref name="requests"/> bodies of <paramref name="linesPerBody"/> of its own consecutive samples.</summary>
    public static byte[][][] PerMachine(Machines machines, int requests, int linesPerBody, long baseNs)
    {
        var result = new byte[machines.Count][][];
        using var buffer = new ByteBuffer(linesPerBody * 256);
        for (var m = 0; m < machines.Count; m++)
        {
            result[m] = new byte[requests][];
            for (var r = 0; r < requests; r++)
            {
                buffer.Clear();
                for (var l = 0; l < linesPerBody; l++)
                {
                    machines.WriteSample(m, TimeOf(baseNs, m, ((long)r * linesPerBody) + l), buffer);
                }

                result[m][r] = buffer.ToArray();
            }
        }

        return result;
    }

    private abstract class Machine(string measurement, string id, string groupTag, string group)
    {
        private readonly byte[] _seriesKey = System.Text.Encoding.ASCII.GetBytes($"{measurement},id={id},{groupTag}={group} ");

        public void Write(long timeNs, ByteBuffer buffer)
        {
            buffer.Write(_seriesKey);
            WriteFields(buffer);
            buffer.Write((byte)' ');
            buffer.Write(timeNs);
            buffer.Write((byte)'\n');
        }

        protected abstract void WriteFields(ByteBuffer buffer);

        protected static void Field(ByteBuffer buffer, ReadOnlySpan<byte> keyEq, double value, string format, bool first = false)
        {
            if (!first)
            {
                buffer.Write((byte)',');
            }

            buffer.Write(keyEq);
            Span<byte> text = stackalloc byte[32];
            value.TryFormat(text, out var n, format, CultureInfo.InvariantCulture);
            buffer.Write(text[..n]);
        }

        protected static double Walk(Random r, double value, double step, double min, double max) =>
            Math.Clamp(value + ((r.NextDouble() - 0.5) * 2 * step), min, max);
    }

    private sealed class Tbm : Machine
    {
        private readonly Random _r;
        private double _chainage;
        private long _stroke;
        private double _thrust = 12000, _torque = 2500, _rpm = 5.5, _gripper = 250, _bearing = 42, _power = 1800;
        private int _phase;

        public Tbm(string id, string site, Random seed) : base("tbm", id, "site", site)
        {
            _r = new Random(seed.Next());
            _chainage = 100 + (_r.NextDouble() * 5000);
            _stroke = _r.Next(1, 3000);
        }

        protected override void WriteFields(ByteBuffer b)
        {
            // 20 s boring, 5 s standstill, one stroke per cycle.
            var boring = (_phase++ % 25) < 20;
            if (_phase % 25 == 0)
            {
                _stroke++;
            }

            _rpm = boring ? Walk(_r, _rpm, 0.1, 3, 8) : 0;
            _thrust = boring ? Walk(_r, _thrust, 150, 6000, 20000) : 800;
            _torque = boring ? Walk(_r, _torque, 60, 900, 5000) : 180;
            var penetration = boring ? 4 + (_r.NextDouble() * 8) : 0;
            var advance = penetration * _rpm;
            _chainage += advance / 1000 / 60;
            _gripper = Walk(_r, _gripper, 3, 180, 320);
            _bearing = Walk(_r, _bearing, 0.05, 30, 70);
            _power = boring ? Walk(_r, _power, 30, 600, 3500) : 250;
            Field(b, "chainage_m="u8, _chainage, "F3", first: true);
            b.Write(",stroke="u8);
            b.Write(_stroke);
            b.Write((byte)'i');
            Field(b, "thrust_kn="u8, _thrust, "F1");
            Field(b, "torque_knm="u8, _torque, "F1");
            Field(b, "rpm="u8, _rpm, "F2");
            Field(b, "penetration_mm_rev="u8, penetration, "F2");
            Field(b, "advance_mm_min="u8, advance, "F1");
            Field(b, "gripper_pressure_bar="u8, _gripper, "F1");
            Field(b, "main_bearing_temp_c="u8, _bearing, "F2");
            Field(b, "power_kw="u8, _power, "F1");
            b.Write(boring ? ",boring=true"u8 : ",boring=false"u8);
        }
    }

    private sealed class Truck : Machine
    {
        private readonly Random _r;
        private double _odometer, _lat, _lon, _altitude, _speed = 30, _soc, _batteryTemp = 28, _motorTemp = 60, _voltage = 650;

        public Truck(string id, string fleet, Random seed) : base("truck", id, "fleet", fleet)
        {
            _r = new Random(seed.Next());
            _odometer = _r.NextDouble() * 200_000;
            _lat = 46 + (_r.NextDouble() * 2);
            _lon = 7 + (_r.NextDouble() * 3);
            _altitude = 400 + (_r.NextDouble() * 1500);
            _soc = 40 + (_r.NextDouble() * 60);
        }

        protected override void WriteFields(ByteBuffer b)
        {
            _speed = Walk(_r, _speed, 2, 0, 80);
            var climb = (_r.NextDouble() - 0.5) * 2;
            _altitude = Math.Clamp(_altitude + climb, 200, 2500);
            _odometer += _speed / 3600;
            _lat += (_r.NextDouble() - 0.5) * 1e-4;
            _lon += (_r.NextDouble() - 0.5) * 1e-4;
            var power = (_speed * 4) + (climb * 300);
            _soc = Math.Clamp(_soc - (power / 360_000), 5, 100);
            _batteryTemp = Walk(_r, _batteryTemp, 0.05, 10, 45);
            _motorTemp = Walk(_r, _motorTemp, 0.2, 30, 110);
            _voltage = Walk(_r, _voltage, 0.5, 560, 720);
            Field(b, "odometer_km="u8, _odometer, "F3", first: true);
            Field(b, "lat="u8, _lat, "F6");
            Field(b, "lon="u8, _lon, "F6");
            Field(b, "altitude_m="u8, _altitude, "F1");
            Field(b, "speed_kmh="u8, _speed, "F1");
            Field(b, "soc_pct="u8, _soc, "F2");
            Field(b, "battery_temp_c="u8, _batteryTemp, "F1");
            Field(b, "motor_temp_c="u8, _motorTemp, "F1");
            Field(b, "battery_voltage_v="u8, _voltage, "F1");
            Field(b, "battery_current_a="u8, power * 1000 / _voltage, "F1");
            Field(b, "power_kw="u8, power, "F1");
        }
    }
}
