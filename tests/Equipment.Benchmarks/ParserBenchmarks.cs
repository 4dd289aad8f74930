using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Equipment.Grains.Live;
using Equipment.Telemetry.Ingest;
using Equipment.Telemetry.LineProtocol;

namespace Equipment.Benchmarks;

/// <summary>
/// The gateway's hot path on a 5,000-line body of the ingest scenario (400 machines interleaved, 11 fields a line).
/// Each benchmark handles the whole body; times are per line (OperationsPerInvoke), so 1e9 / ns = points/s.
/// </summary>
[MemoryDiagnoser]
public class ParserBenchmarks
{
    public const int Lines = 5000;

    /// <summary>Short runs in process (no separate build), so the suite takes about a minute; 10 iterations and the median against background load.</summary>
    public static IConfig Config { get; } = DefaultConfig.Instance
        .AddJob(Job.ShortRun.WithIterationCount(10).WithToolchain(InProcessEmitToolchain.Instance).WithId("ShortInProcess"))
        .AddColumn(new PointsPerSecondColumn())
        .WithOptions(ConfigOptions.DisableOptimizationsValidator);

    private byte[] _body = [];
    private (int Start, int Length)[] _fieldSections = [];
    private IngestParser _parser = null!;
    private Sample[] _samples = [];
    private readonly ByteBuffer _out = new(2 * 1024 * 1024);
    private EquipmentLines[] _groups = [];
    private LiveState[] _live = [];

    [GlobalSetup]
    public void Setup()
    {
        _body = Machines.Interleaved(new Machines(400), Lines, Lines, Machines.BaseNs)[0];
        _parser = new IngestParser(new FieldTypeRegistry());
        var sections = new List<(int, int)>();
        var samples = new List<Sample>();
        var reader = new LineProtocolReader(_body);
        while (reader.Read(out var line) == ReadStatus.Line)
        {
            unsafe_offset(line.Fields, out var start);
            sections.Add((start, line.Fields.Length));
            var values = new List<double>();
            long integer = 0;
            var fields = line.GetFields();
            while (fields.TryNext(out _, out var value, out _))
            {
                if (value.Type == FieldType.Integer)
                {
                    integer = value.Integer;
                }
                else if (value.IsNumeric)
                {
                    values.Add(value.Number);
                }
            }

            samples.Add(new Sample(line.Measurement.SequenceEqual("tbm"u8), System.Text.Encoding.ASCII.GetBytes(System.Text.Encoding.ASCII.GetString(line.Measurement) + "," + System.Text.Encoding.ASCII.GetString(line.Tags) + " "), values.ToArray(), integer, line.Timestamp));
        }

        _fieldSections = sections.ToArray();
        _groups = _parser.Parse(_body, 1, 0, UnrestrictedScope.Instance).Batches.ToArray();
        _live = _groups.Select(_ => new LiveState()).ToArray();
        _samples = samples.ToArray();

        void unsafe_offset(ReadOnlySpan<byte> section, out int start)
        {
            // The section is a slice of _body: find its offset by address arithmetic through Overlaps.
            _ = _body.AsSpan().Overlaps(section, out start);
        }
    }

    /// <summary>Splitting into lines and sections, structure checks, timestamps.</summary>
    [Benchmark(OperationsPerInvoke = Lines)]
    public int Tokenise()
    {
        var reader = new LineProtocolReader(_body);
        var n = 0;
        while (reader.Read(out _) == ReadStatus.Line)
        {
            n++;
        }

        return n;
    }

    /// <summary>Tokenising plus typing every field value (FieldReader).</summary>
    [Benchmark(OperationsPerInvoke = Lines)]
    public double TokeniseAndTypeFields()
    {
        var reader = new LineProtocolReader(_body);
        var sum = 0.0;
        while (reader.Read(out var line) == ReadStatus.Line)
        {
            var fields = line.GetFields();
            while (fields.TryNext(out _, out var value, out _))
            {
                sum += value.Number;
            }
        }

        return sum;
    }

    /// <summary>FieldReader alone over the pre-split field sections.</summary>
    [Benchmark(OperationsPerInvoke = Lines)]
    public double TypeFields()
    {
        var body = _body.AsSpan();
        var sum = 0.0;
        foreach (var (start, length) in _fieldSections)
        {
            var fields = new FieldReader(body.Slice(start, length));
            while (fields.TryNext(out _, out var value, out _))
            {
                sum += value.Number;
            }
        }

        return sum;
    }

    /// <summary>What the gateway does per request: validate against the schema, normalise, group by equipment (400 groups).</summary>
    [Benchmark(OperationsPerInvoke = Lines)]
    public int IngestParse() => _parser.Parse(_body, 1, 0, UnrestrictedScope.Instance).Points;

    /// <summary>
    /// The silo's per-batch work for the live state: what the grains do with the gateway's 400 groups of this body
    /// (re-tokenise, re-type every field, update the last value of each field).
    /// </summary>
    [Benchmark(OperationsPerInvoke = Lines)]
    public int LiveStateApply()
    {
        var n = 0;
        var now = DateTimeOffset.UnixEpoch;
        for (var i = 0; i < _groups.Length; i++)
        {
            n += _live[i].Apply(_groups[i].Lines, now);
        }

        return n;
    }

    /// <summary>Serialising 5,000 lines of 11 values with ByteBuffer (shortest round-trip doubles, as the platform writes them).</summary>
    [Benchmark(OperationsPerInvoke = Lines)]
    public int Serialise()
    {
        var b = _out;
        b.Clear();
        foreach (var s in _samples)
        {
            b.Write(s.SeriesKey);
            var names = s.IsTbm ? TbmNames : TruckNames;
            for (var i = 0; i < s.Values.Length; i++)
            {
                if (i > 0)
                {
                    b.Write((byte)',');
                }

                b.Write(names[i]);
                b.Write(s.Values[i]);
            }

            if (s.IsTbm)
            {
                b.Write(",stroke="u8);
                b.Write(s.Integer);
                b.Write((byte)'i');
            }

            b.Write((byte)' ');
            b.Write(s.TimeNs);
            b.Write((byte)'\n');
        }

        return b.Length;
    }

    private static readonly byte[][] TbmNames = ["chainage_m="u8.ToArray(), "thrust_kn="u8.ToArray(), "torque_knm="u8.ToArray(), "rpm="u8.ToArray(), "penetration_mm_rev="u8.ToArray(), "advance_mm_min="u8.ToArray(), "gripper_pressure_bar="u8.ToArray(), "main_bearing_temp_c="u8.ToArray(), "power_kw="u8.ToArray(), "boring="u8.ToArray()];
    private static readonly byte[][] TruckNames = ["odometer_km="u8.ToArray(), "lat="u8.ToArray(), "lon="u8.ToArray(), "altitude_m="u8.ToArray(), "speed_kmh="u8.ToArray(), "soc_pct="u8.ToArray(), "battery_temp_c="u8.ToArray(), "motor_temp_c="u8.ToArray(), "battery_voltage_v="u8.ToArray(), "battery_current_a="u8.ToArray(), "power_kw="u8.ToArray()];

    private sealed record Sample(bool IsTbm, byte[] SeriesKey, double[] Values, long Integer, long TimeNs);

    /// <summary>Lines (points) per second from the mean time per line.</summary>
    private sealed class PointsPerSecondColumn : IColumn
    {
        public string Id => "PointsPerSecond";
        public string ColumnName => "Points/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "Lines handled per second on one core (1e9 / median ns per line)";
        public bool IsAvailable(Summary summary) => true;
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var report = summary[benchmarkCase];
            var median = report?.ResultStatistics?.Median;
            return median is > 0 ? (1e9 / median.Value).ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : "-";
        }
    }
}
