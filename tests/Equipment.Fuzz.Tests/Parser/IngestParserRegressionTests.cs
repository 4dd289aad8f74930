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
}
