using System.Text;
using Equipment.Telemetry.LineProtocol;

namespace Equipment.Tests.Telemetry;

public sealed class LineProtocolReaderTests
{
    [Fact]
    public void Read_FullLine_SplitsSections()
    {
        var line = ReadOne("tbm,id=tbm-01,site=mine thrust_kn=12000.5,stroke=12i 1700000000000000000");

        line.Measurement.Should().Be("tbm");
        line.Tags.Should().Be("id=tbm-01,site=mine");
        line.Fields.Should().Be("thrust_kn=12000.5,stroke=12i");
        line.HasTimestamp.Should().BeTrue();
        line.Timestamp.Should().Be(1700000000000000000);
    }

    [Fact]
    public void Read_NoTagsNoTimestamp_LeavesThemEmpty()
    {
        var line = ReadOne("truck soc_pct=50");

        line.Measurement.Should().Be("truck");
        line.Tags.Should().BeEmpty();
        line.HasTimestamp.Should().BeFalse();
    }

    [Fact]
    public void Read_NegativeTimestamp_IsAccepted()
    {
        ReadOne("m f=1 -1000").Timestamp.Should().Be(-1000);
    }

    [Fact]
    public void Read_EscapedCommaAndSpaceInMeasurement_StayInMeasurement()
    {
        var line = ReadOne(@"my\ meas\,x,t=v f=1");

        line.Measurement.Should().Be(@"my\ meas\,x");
        line.Tags.Should().Be("t=v");
    }

    [Fact]
    public void Read_EscapesInTags_StayInTagSection()
    {
        var line = ReadOne(@"m,t\ k=v\,x\ y\=z,id=a f=1");

        line.Tags.Should().Be(@"t\ k=v\,x\ y\=z,id=a");
        var tags = Tags(line.Tags);
        tags.Should().Equal((@"t\ k", @"v\,x\ y\=z"), ("id", "a"));
    }

    [Fact]
    public void Read_QuotedStringWithCommaSpaceAndEscapedQuote_IsOneField()
    {
        var line = ReadOne("m note=\"a, b \\\"c\\\" d=e\",f=2 5");

        line.Fields.Should().Be("note=\"a, b \\\"c\\\" d=e\",f=2");
        line.Timestamp.Should().Be(5);
    }

    [Fact]
    public void Read_BlankAndCommentLines_AreSkippedButCounted()
    {
        var body = "# header\n\n   \nm f=1\r\n# another\nm f=2\n";
        var numbers = new List<int>();
        var reader = new LineProtocolReader(Encoding.UTF8.GetBytes(body));
        while (reader.Read(out var line) == ReadStatus.Line)
        {
            numbers.Add(line.Number);
        }

        numbers.Should().Equal(4, 6);
    }

    [Fact]
    public void Read_CrLfAndExtraSpaces_AreTolerated()
    {
        var line = ReadOne("m,t=v   f=1   42  \r");

        line.Fields.Should().Be("f=1");
        line.Timestamp.Should().Be(42);
    }

    [Fact]
    public void Read_LastLineWithoutNewline_IsRead()
    {
        var reader = new LineProtocolReader("m f=1\nm f=2"u8);
        reader.Read(out _).Should().Be(ReadStatus.Line);
        reader.Read(out var second).Should().Be(ReadStatus.Line);
        second.Number.Should().Be(2);
        reader.Read(out _).Should().Be(ReadStatus.End);
    }

    [Theory]
    [InlineData("m", "missing fields")]
    [InlineData("m,t=v", "missing fields")]
    [InlineData(",t=v f=1", "missing measurement")]
    [InlineData("m f", "field 'f' has no value")]
    [InlineData("m f=", "field 'f' has no value")]
    [InlineData("m =1", "empty field key")]
    [InlineData("m,=v f=1", "empty tag key")]
    [InlineData("m,t= f=1", "tag 't' has an empty value")]
    [InlineData("m,t f=1", "tag key 't' has no value")]
    [InlineData("m,t=a=b f=1", "unescaped '=' in the value of tag 't'")]
    [InlineData("m f=\"abc", "unterminated string in field 'f'")]
    [InlineData("m f=1,", "trailing comma after the last field")]
    [InlineData("m f=1, 5", "trailing comma after the last field")]
    [InlineData("m f=\"x\"y=1", "unexpected 'y' after the value of field 'f")]
    [InlineData("m f=1 abc", "invalid timestamp 'abc'")]
    [InlineData("m f=1 12 13", "invalid timestamp '12 13'")]
    [InlineData("m f=1 99999999999999999999", "invalid timestamp")]
    [InlineData("m f=1 9223372036854775808", "invalid timestamp")]
    [InlineData("m f=1 -", "invalid timestamp")]
    public void Read_MalformedLine_ReportsReasonAndLineNumber(string text, string reason)
    {
        var body = Encoding.UTF8.GetBytes("m ok=1\n# comment\n" + text + "\nm ok=2\n");
        var reader = new LineProtocolReader(body);
        reader.Read(out _).Should().Be(ReadStatus.Line);

        reader.Read(out _).Should().Be(ReadStatus.Error);

        reader.Error.Line.Should().Be(3);
        reader.Error.Reason.Should().StartWith(reason);
        reader.Error.Message.Should().StartWith("line 3: ");
    }

    [Fact]
    public void Read_InvalidUtf8_IsRefusedWithLineNumber()
    {
        byte[] body = [.. "m f=1\nm,t="u8, 0xFF, .. " f=1\n"u8];
        var reader = new LineProtocolReader(body);
        reader.Read(out _).Should().Be(ReadStatus.Line);

        reader.Read(out _).Should().Be(ReadStatus.Error);

        reader.Error.Should().Be(new LineProtocolError(2, "not valid UTF-8"));
    }

    [Fact]
    public void Read_EmptyBody_EndsAtOnce()
    {
        var reader = new LineProtocolReader(ReadOnlySpan<byte>.Empty);

        reader.Read(out _).Should().Be(ReadStatus.End);
    }

    private static LineView ReadOne(string text)
    {
        var reader = new LineProtocolReader(Encoding.UTF8.GetBytes(text));
        var status = reader.Read(out var line);
        status.Should().Be(ReadStatus.Line, reader.Error.Message);
        return new LineView(
            Encoding.UTF8.GetString(line.Measurement),
            Encoding.UTF8.GetString(line.Tags),
            Encoding.UTF8.GetString(line.Fields),
            line.HasTimestamp,
            line.Timestamp);
    }

    private static List<(string Key, string Value)> Tags(string tags)
    {
        var list = new List<(string, string)>();
        var reader = new TagReader(Encoding.UTF8.GetBytes(tags));
        while (reader.TryNext(out var k, out var v))
        {
            list.Add((Encoding.UTF8.GetString(k), Encoding.UTF8.GetString(v)));
        }

        return list;
    }

    private sealed record LineView(string Measurement, string Tags, string Fields, bool HasTimestamp, long Timestamp);
}
