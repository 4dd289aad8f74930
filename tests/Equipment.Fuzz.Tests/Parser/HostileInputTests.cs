using System.Globalization;
using System.Text;
using Equipment.Fuzz.Tests.Support;
using Equipment.Telemetry.Ingest;

namespace Equipment.Fuzz.Tests.Parser;

/// <summary>Crafted worst cases: huge lines and bodies, deep escapes, broken UTF-8, non-finite numbers, duplicates, time bounds.</summary>
public sealed class HostileInputTests
{
    private const int OneMegabyte = 1024 * 1024;

    public static TheoryData<string> HugeLines => new()
    {
        "many distinct unknown fields",
        "many distinct tags",
        "backslashes in the measurement",
        "backslashes in a tag value",
        "backslashes in a field key",
        "backslashes in a string value",
        "one huge string value",
        "one huge number",
        "many valid lines",
    };

    [Theory]
    [MemberData(nameof(HugeLines))]
    public void Parse_OneMegabyteInput_AnswersWithinBudgetWithoutThrowing(string shape)
    {
        var body = Huge(shape);
        var describe = $"{shape}, {body.Length} bytes";

        var result = Budget.Run(() => new IngestParser(new FieldTypeRegistry()).Parse(body, 1, Parsing.ReceivedNs, UnrestrictedScope.Instance), TimeSpan.FromSeconds(10), describe);

        Invariants.Check(body, 1, result, describe);
    }

    [Theory]
    [InlineData(new byte[] { 0xff })]
    [InlineData(new byte[] { 0xc0, 0x80 })]
    [InlineData(new byte[] { 0xed, 0xa0, 0x80 })]
    [InlineData(new byte[] { 0xf4, 0x90, 0x80, 0x80 })]
    [InlineData(new byte[] { 0x80 })]
    [InlineData(new byte[] { 0xe2, 0x82 })]
    public void Parse_InvalidUtf8OnLineTwo_RefusedNamingLineTwo(byte[] bad)
    {
        var body = Encoding.UTF8.GetBytes("tbm,id=a rpm=1\ntbm,id=a note=\"").Concat(bad).Concat("\" 1\ntbm,id=a rpm=2\n"u8.ToArray()).ToArray();

        var result = Parsing.Parse(body, 1, Convert.ToBase64String(body));

        result.Outcome.Should().Be(IngestOutcome.Invalid);
        result.Error.Message.Should().Be("line 2: not valid UTF-8");
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("nan")]
    [InlineData("Inf")]
    [InlineData("-Inf")]
    [InlineData("+Inf")]
    [InlineData("inf")]
    [InlineData("Infinity")]
    [InlineData("1e309")]
    [InlineData("-1e400")]
    public void Parse_NonFiniteNumber_RefusedNamingTheLine(string value)
    {
        foreach (var field in new[] { "rpm", "stroke", "extra" })
        {
            var body = Encoding.UTF8.GetBytes($"tbm,id=a rpm=1\n\ntbm,id=a {field}={value} 5\n");

            var result = Parsing.Parse(body, 1, $"{field}={value}");

            result.Outcome.Should().Be(IngestOutcome.Invalid, $"{field}={value}");
            result.Error.Line.Should().Be(3);
            result.Error.Message.Should().StartWith("line 3: ");
        }
    }

    [Theory]
    [InlineData("tbm,id=a rpm=1,rpm=2")]
    [InlineData("tbm,id=a rpm=1,stroke=2i,rpm=1")]
    [InlineData("tbm,id=a x=1,y=2,x=1")]
    [InlineData("tbm,id=a,id=b rpm=1")]
    [InlineData("tbm,id=a,site=s,site=t rpm=1")]
    [InlineData("tbm,id=a time=1")]
    [InlineData("tbm,id=a,time=1 rpm=1")]
    public void Parse_DuplicateOrReservedKeys_RefusedNamingTheLine(string line)
    {
        var result = Parsing.Parse(Encoding.UTF8.GetBytes("# header\n" + line + "\n"), 1, line);

        result.Outcome.Should().Be(IngestOutcome.Invalid);
        result.Error.Line.Should().Be(2);
    }

    [Theory]
    [InlineData(40)]
    [InlineData(500)]
    public void Parse_DuplicateAmongManyFieldsOrTags_Refused(int count)
    {
        var fields = string.Join(',', Enumerable.Range(0, count).Select(i => $"f{i}=1"));
        var tags = string.Join(',', Enumerable.Range(0, count).Select(i => $"t{i}=v"));

        Parsing.Parse(Encoding.UTF8.GetBytes($"tbm,id=a {fields},f{count / 2}=2\n"), 1, "fields").Outcome.Should().Be(IngestOutcome.Invalid);
        Parsing.Parse(Encoding.UTF8.GetBytes($"tbm,id=a,{tags},t{count - 1}=w rpm=1\n"), 1, "tags").Outcome.Should().Be(IngestOutcome.Invalid);
        Parsing.Parse(Encoding.UTF8.GetBytes($"tbm,id=a,{tags} {fields}\n"), 1, "distinct").Outcome.Should().Be(IngestOutcome.Accepted);
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(1_000L)]
    [InlineData(1_000_000L)]
    [InlineData(1_000_000_000L)]
    [InlineData(60_000_000_000L)]
    [InlineData(3_600_000_000_000L)]
    public void Parse_TimestampAtAndPastInfluxBounds_AcceptedInsideRefusedOutside(long nsPerUnit)
    {
        var max = IngestParser.MaxTimestampNs / nsPerUnit;
        var min = IngestParser.MinTimestampNs / nsPerUnit;
        foreach (var (ts, ok) in new[] { (max, true), (min, true), (0L, true), (max + 1, false), (min - 1, false) })
        {
            var body = Encoding.UTF8.GetBytes($"tbm,id=a rpm=1 1\ntbm,id=a rpm=1 {ts.ToString(CultureInfo.InvariantCulture)}\n");
            var describe = $"timestamp {ts} at {nsPerUnit} ns/unit";

            var result = Parsing.Parse(body, nsPerUnit, describe);

            result.Outcome.Should().Be(ok ? IngestOutcome.Accepted : IngestOutcome.Invalid, describe);
            Invariants.Check(body, nsPerUnit, result, describe);
            if (!ok)
            {
                result.Error.Line.Should().Be(2, describe);
            }
        }

        foreach (var text in new[] { "9223372036854775808", "-9223372036854775808", "99999999999999999999", "1e9", "-", "+1", "1.5", "0x1" })
        {
            var result = Parsing.Parse(Encoding.UTF8.GetBytes($"tbm,id=a rpm=1 {text}\n"), nsPerUnit, text);

            result.Outcome.Should().Be(IngestOutcome.Invalid, text);
            result.Error.Message.Should().StartWith("line 1: ", text);
        }
    }

    [Fact]
    public void Parse_UnknownFieldChangesTypeAcrossRequests_SecondRequestRefused()
    {
        var parser = new IngestParser(new FieldTypeRegistry());

        parser.Parse("tbm,id=a extra=1i\n"u8, 1, 0, UnrestrictedScope.Instance).Outcome.Should().Be(IngestOutcome.Accepted);
        var second = parser.Parse("tbm,id=a rpm=1\ntbm,id=a extra=1.5\n"u8, 1, 0, UnrestrictedScope.Instance);

        second.Outcome.Should().Be(IngestOutcome.Invalid);
        second.Error.Message.Should().StartWith("line 2: field 'extra' is a number here but was an integer before");
    }

    [Fact]
    public void Parse_UnknownFieldTypeFromRefusedRequest_DoesNotBindLaterRequests()
    {
        var parser = new IngestParser(new FieldTypeRegistry());

        // Refused as a whole: InfluxDB never sees 'extra' as an integer...
        parser.Parse("tbm,id=a extra=1i\ntbm,id=a rpm=oops\n"u8, 1, 0, UnrestrictedScope.Instance).Outcome.Should().Be(IngestOutcome.Invalid);
        var later = parser.Parse("tbm,id=a extra=1.5\n"u8, 1, 0, UnrestrictedScope.Instance);

        // ...so a float 'extra' later is its first type.
        later.Outcome.Should().Be(IngestOutcome.Accepted, later.Error.Message);
    }

    private static byte[] Huge(string shape)
    {
        var sb = new StringBuilder(OneMegabyte + 64);
        switch (shape)
        {
            case "many distinct unknown fields":
                sb.Append("tbm,id=a rpm=1");
                for (var i = 0; sb.Length < OneMegabyte; i++)
                {
                    sb.Append(",f").Append(i).Append("=1");
                }

                break;
            case "many distinct tags":
                sb.Append("tbm,id=a");
                for (var i = 0; sb.Length < OneMegabyte; i++)
                {
                    sb.Append(",t").Append(i).Append("=v");
                }

                sb.Append(" rpm=1");
                break;
            case "backslashes in the measurement":
                sb.Append('\\', OneMegabyte).Append(",id=a rpm=1");
                break;
            case "backslashes in a tag value":
                sb.Append("tbm,id=a,site=").Append('\\', OneMegabyte).Append(" rpm=1");
                break;
            case "backslashes in a field key":
                sb.Append("tbm,id=a ").Append('\\', OneMegabyte).Append("=1");
                break;
            case "backslashes in a string value":
                sb.Append("tbm,id=a note=\"").Append('\\', OneMegabyte).Append('"');
                break;
            case "one huge string value":
                sb.Append("tbm,id=a note=\"").Append('x', OneMegabyte).Append('"');
                break;
            case "one huge number":
                sb.Append("tbm,id=a rpm=").Append('9', OneMegabyte);
                break;
            default:
                for (var i = 0; sb.Length < OneMegabyte; i++)
                {
                    sb.Append("truck,id=t").Append(i % 50).Append(",fleet=f soc_pct=").Append(i % 100).Append(",lat=47.5,note=\"n\" ").Append(i).Append('\n');
                }

                break;
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
