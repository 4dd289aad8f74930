using System.Text;
using Equipment.Fuzz.Tests.Support;
using Equipment.Telemetry.Ingest;

namespace Equipment.Fuzz.Tests.Parser;

/// <summary>Inputs the fuzzing found mishandled, kept as plain examples.</summary>
public sealed class IngestParserRegressionTests
{
    [Theory]
    [InlineData("tbm,id=a stroke=9223372036854775808u")]
    [InlineData("tbm,id=a stroke=9223372036854776000u")]
    [InlineData("tbm,id=a counter=9223372036854775808u")]
    [InlineData("tbm,id=a counter=9223372036854775900u")]
    public void Parse_UnsignedJustAboveLongMax_RefusedNotWrittenAsOverflowingInteger(string body)
    {
        var result = Parsing.Parse(Encoding.UTF8.GetBytes(body), 1, body);

        result.Outcome.Should().Be(IngestOutcome.Invalid);
        result.Error.Message.Should().StartWith("line 1: ");
    }

    [Theory]
    [InlineData("tbm,id=a stroke=9223372036854775807u", "stroke=9223372036854775807i")]
    [InlineData("tbm,id=a counter=9223372036854775807u", "counter=9223372036854775807i")]
    public void Parse_UnsignedAtLongMax_WrittenAsThatInteger(string body, string expected)
    {
        var result = Parsing.Parse(Encoding.UTF8.GetBytes(body), 1, body);

        result.Outcome.Should().Be(IngestOutcome.Accepted);
        Encoding.UTF8.GetString(result.Batches[0].Lines).Should().Contain(expected);
    }

    [Theory]
    [InlineData(65_510, IngestOutcome.Accepted)]
    [InlineData(65_511, IngestOutcome.Invalid)]
    [InlineData(1_000_000, IngestOutcome.Invalid)]
    public void Parse_SeriesKeyAroundInfluxLimit_RefusedOnlyPastIt(int siteLength, IngestOutcome expected)
    {
        // InfluxDB refuses (after a 204) a point whose series key + 4 + field key exceeds 65535 bytes:
        // "tbm,id=a,site=" + site + "xxxx" is the series key (18 bytes + site), the field is "rpm" (3).
        var body = Encoding.ASCII.GetBytes("tbm,id=a rpm=1\ntbm,id=a,site=" + new string('s', siteLength) + "xxxx rpm=1\n");

        var result = Parsing.Parse(body, 1, $"site of {siteLength + 4} bytes");

        result.Outcome.Should().Be(expected);
        if (expected == IngestOutcome.Invalid)
        {
            result.Error.Message.Should().StartWith("line 2: measurement, tags and field 'rpm' longer than InfluxDB's key limit");
        }
    }
}
