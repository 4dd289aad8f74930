using System.Text;
using Equipment.Gateway.Ingest;
using Equipment.Telemetry.Ingest;
using Equipment.Telemetry.LineProtocol;
using Equipment.Telemetry.Schema;

namespace Equipment.Tests.Telemetry;

public sealed class IngestParserTests
{
    private const long Received = 1_800_000_000_000_000_000;
    private readonly IngestParser _parser = new(new FieldTypeRegistry());

    [Fact]
    public void Parse_LinesOfTwoMachines_GroupsThemOnePerMachine()
    {
        var result = Parse("tbm,id=a rpm=1 1\ntruck,id=b soc_pct=2 2\ntbm,id=a rpm=3 3\ntbm_cutter,id=a,position=7 wear_mm=1.5 4\n");

        result.Outcome.Should().Be(IngestOutcome.Accepted);
        result.Points.Should().Be(4);
        result.Batches.Select(b => (b.Kind, b.Id, b.Points)).Should().Equal((EquipmentKind.Tbm, "a", 3), (EquipmentKind.Truck, "b", 1));
        Text(result, "a").Should().Be("tbm,id=a rpm=1 1\ntbm,id=a rpm=3 3\ntbm_cutter,id=a,position=7 wear_mm=1.5 4\n");
    }

    [Fact]
    public void Parse_SameIdForTbmAndTruck_KeepsTwoMachines()
    {
        var result = Parse("tbm,id=x rpm=1 1\ntruck,id=x soc_pct=2 2\n");

        result.Batches.Should().HaveCount(2);
    }

    [Theory]
    [InlineData(1L, "5")]
    [InlineData(1_000L, "5000")]
    [InlineData(1_000_000L, "5000000")]
    [InlineData(1_000_000_000L, "5000000000")]
    [InlineData(3_600_000_000_000L, "18000000000000")]
    public void Parse_Precision_WritesNanoseconds(long nsPerUnit, string expected)
    {
        var result = _parser.Parse("tbm,id=a rpm=1 5\n"u8, nsPerUnit, Received, UnrestrictedScope.Instance);

        Text(result, "a").Should().Be($"tbm,id=a rpm=1 {expected}\n");
    }

    [Fact]
    public void Parse_NoTimestamp_UsesReceiveTime()
    {
        Text(Parse("tbm,id=a rpm=1\n"), "a").Should().Be($"tbm,id=a rpm=1 {Received}\n");
    }

    [Fact]
    public void Parse_IntegerForFloatField_WritesFloat()
    {
        Text(Parse("tbm,id=a thrust_kn=12000i,rpm=6u 1\n"), "a").Should().Be("tbm,id=a thrust_kn=12000,rpm=6 1\n");
    }

    [Fact]
    public void Parse_IntegralFloatForStroke_WritesInteger()
    {
        Text(Parse("tbm,id=a stroke=12,chainage_m=3.5 1\n"), "a").Should().Be("tbm,id=a stroke=12i,chainage_m=3.5 1\n");
    }

    [Fact]
    public void Parse_UnsignedUnknownField_WritesInteger()
    {
        Text(Parse("tbm,id=a counter=42u,label=\"x y\",ok=T 1\n"), "a").Should().Be("tbm,id=a counter=42i,label=\"x y\",ok=T 1\n");
    }

    [Fact]
    public void Parse_Output_IsReadableLineProtocol()
    {
        var result = Parse("tbm,id=a,site=s\\ 1 thrust_kn=1i,note=\"a,b\",boring=true\ntruck,id=b soc_pct=5 7\n");
        foreach (var batch in result.Batches)
        {
            var reader = new LineProtocolReader(batch.Lines);
            var lines = 0;
            while (reader.Read(out var line) == ReadStatus.Line)
            {
                line.HasTimestamp.Should().BeTrue();
                lines++;
            }

            reader.Read(out _).Should().Be(ReadStatus.End);
            lines.Should().Be(batch.Points);
        }
    }

    [Theory]
    [InlineData("cpu,id=a v=1", "unknown measurement 'cpu' (expected tbm, tbm_cutter, truck, truck_cells or truck_probes)")]
    [InlineData("tbm rpm=1", "missing tag 'id' (the equipment id)")]
    [InlineData("tbm,site=s rpm=1", "missing tag 'id'")]
    [InlineData("tbm,id=a/b rpm=1", "tag 'id' must be 1 to 64 letters, digits or - _ . :")]
    [InlineData("tbm,id=a\\ b rpm=1", "tag 'id' must be")]
    [InlineData("tbm_cutter,id=a wear_mm=1", "missing tag 'position'")]
    [InlineData("tbm_cutter,id=a,position=x wear_mm=1", "tag 'position' must be an integer from 0 to 9999")]
    [InlineData("tbm_cutter,id=a,position=10000 wear_mm=1", "tag 'position' must be an integer")]
    [InlineData("tbm,id=a,id=b rpm=1", "duplicate tag 'id'")]
    [InlineData("tbm,id=a,time=1 rpm=1", "tag key 'time' is reserved")]
    [InlineData("tbm,id=a rpm=1,rpm=2", "duplicate field 'rpm'")]
    [InlineData("tbm,id=a x=1,y=2,x=3", "duplicate field 'x'")]
    [InlineData("tbm,id=a time=1", "field key 'time' is reserved")]
    [InlineData("tbm,id=a thrust_kn=\"high\"", "field 'thrust_kn' must be a number (kN), got a string")]
    [InlineData("tbm,id=a thrust_kn=true", "field 'thrust_kn' must be a number")]
    [InlineData("tbm,id=a boring=1", "field 'boring' must be a boolean")]
    [InlineData("tbm,id=a stroke=1.5", "field 'stroke' must be an integer")]
    [InlineData("tbm,id=a stroke=\"1\"", "field 'stroke' must be an integer")]
    [InlineData("tbm,id=a rpm=NaN", "field 'rpm': 'NaN' is not a finite number")]
    [InlineData("tbm,id=a x=9999999999999999999u", "field 'x': unsigned value above")]
    public void Parse_SchemaViolation_RefusesWithLineNumber(string bad, string reason)
    {
        var result = Parse($"tbm,id=ok rpm=1\n\n{bad}\ntbm,id=ok rpm=2\n");

        result.Outcome.Should().Be(IngestOutcome.Invalid);
        result.Error.Line.Should().Be(3);
        result.Error.Reason.Should().StartWith(reason);
        result.Batches.Should().BeEmpty();
    }

    [Theory]
    [InlineData(3, 2)]
    [InlineData(50, 0)]
    [InlineData(50, 40)]
    [InlineData(50, 49)]
    [InlineData(2000, 1500)]
    public void Parse_UnknownFieldRepeatedInLongLine_RefusesNamingIt(int fields, int repeated)
    {
        // A logger row carries dozens of uninterpreted channels; a repeat is found before and after the set takes over.
        var line = "tbm,id=a " + string.Join(',', Enumerable.Range(0, fields).Select(i => $"ch_{i}=1")) + $",ch_{repeated}=2 1\n";

        var result = Parse("tbm,id=ok rpm=1\n" + line);

        result.Outcome.Should().Be(IngestOutcome.Invalid);
        result.Error.Line.Should().Be(2);
        result.Error.Reason.Should().Be($"duplicate field 'ch_{repeated}'");
    }

    [Theory]
    [InlineData(50)]
    [InlineData(2000)]
    public void Parse_ManyDistinctUnknownFields_AcceptsEveryOne(int fields)
    {
        var line = "tbm,id=a rpm=1," + string.Join(',', Enumerable.Range(0, fields).Select(i => $"ch_{i}={i}")) + " 1\n";

        var result = Parse(line + line);

        result.Outcome.Should().Be(IngestOutcome.Accepted);
        result.Points.Should().Be(2);
        Text(result, "a").Should().Be(line + line);
    }

    [Fact]
    public void Parse_TimestampOverflowingAtPrecision_IsRefused()
    {
        var result = _parser.Parse("tbm,id=a rpm=1 9223372036854775\n"u8, 1_000_000_000, Received, UnrestrictedScope.Instance);

        result.Outcome.Should().Be(IngestOutcome.Invalid);
        result.Error.Reason.Should().Contain("out of InfluxDB's range");
    }

    [Fact]
    public void Parse_UnknownFieldChangingType_IsRefusedOnLaterRequest()
    {
        Parse("tbm,id=a note=1.5\n").Outcome.Should().Be(IngestOutcome.Accepted);

        var result = Parse("tbm,id=a note=\"text\"\n");

        result.Outcome.Should().Be(IngestOutcome.Invalid);
        result.Error.Reason.Should().Be("field 'note' is a string here but was a number before (InfluxDB keeps one type per field)");
    }

    [Fact]
    public void Parse_SiteScopedToken_ForbidsOtherSiteAndTrucks()
    {
        var scope = TokenScope.Parse("site:north");

        Parse("tbm,id=a,site=north rpm=1\n", scope).Outcome.Should().Be(IngestOutcome.Accepted);
        var other = Parse("tbm,id=a,site=north rpm=1\ntbm,id=b,site=south rpm=1\n", scope);
        other.Outcome.Should().Be(IngestOutcome.Forbidden);
        other.Error.Line.Should().Be(2);
        Parse("truck,id=t,fleet=north soc_pct=1\n", scope).Outcome.Should().Be(IngestOutcome.Forbidden);
        Parse("tbm,id=a rpm=1\n", scope).Outcome.Should().Be(IngestOutcome.Forbidden, "a line without a site cannot prove it belongs to the token's site");
    }

    [Fact]
    public void Parse_EquipmentScopedToken_AllowsOnlyThatMachine()
    {
        var scope = TokenScope.Parse("equipment:truck-7");

        Parse("truck,id=truck-7 soc_pct=1\n", scope).Outcome.Should().Be(IngestOutcome.Accepted);
        Parse("tbm,id=tbm-1 rpm=1\n", scope).Outcome.Should().Be(IngestOutcome.Forbidden);
    }

    [Theory]
    [InlineData("")]
    [InlineData("planet:earth")]
    [InlineData("site:a,bogus")]
    public void TokenScopeParse_Invalid_Throws(string scope)
    {
        var act = () => TokenScope.Parse(scope);

        act.Should().Throw<FormatException>();
    }

    [Fact]
    public void Parse_OnlyCommentsAndBlankLines_AcceptsNothing()
    {
        var result = Parse("# nothing\n\n");

        result.Outcome.Should().Be(IngestOutcome.Accepted);
        result.Points.Should().Be(0);
    }

    private IngestResult Parse(string body, IWriteScope? scope = null) =>
        _parser.Parse(Encoding.UTF8.GetBytes(body), 1, Received, scope ?? UnrestrictedScope.Instance);

    private static string Text(IngestResult result, string id)
    {
        result.Outcome.Should().Be(IngestOutcome.Accepted, result.Error.Message);
        return Encoding.UTF8.GetString(result.Batches.Single(b => b.Id == id && b.Kind == EquipmentKind.Tbm || b.Id == id).Lines);
    }
}
