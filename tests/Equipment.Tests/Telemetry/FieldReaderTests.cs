using System.Text;
using Equipment.Telemetry.LineProtocol;

namespace Equipment.Tests.Telemetry;

public sealed class FieldReaderTests
{
    [Theory]
    [InlineData("1", 1.0)]
    [InlineData("-1.5", -1.5)]
    [InlineData("12000.25", 12000.25)]
    [InlineData("1e3", 1000.0)]
    [InlineData("1.5E-3", 0.0015)]
    [InlineData("-2.5e+2", -250.0)]
    [InlineData(".5", 0.5)]
    [InlineData("0", 0.0)]
    public void Parse_Float_GivesValue(string raw, double expected)
    {
        Parse(raw, out var type, out var number).Should().BeNull();
        type.Should().Be(FieldType.Float);
        number.Should().Be(expected);
    }

    [Theory]
    [InlineData("5i", 5L)]
    [InlineData("-5i", -5L)]
    [InlineData("9223372036854775807i", long.MaxValue)]
    [InlineData("-9223372036854775808i", long.MinValue)]
    public void Parse_Integer_GivesValue(string raw, long expected)
    {
        var error = FieldReader.Parse(Encoding.UTF8.GetBytes(raw), out var value);
        error.Should().BeNull();
        value.Type.Should().Be(FieldType.Integer);
        value.Integer.Should().Be(expected);
    }

    [Theory]
    [InlineData("5u", 5UL)]
    [InlineData("18446744073709551615u", ulong.MaxValue)]
    public void Parse_Unsigned_GivesValue(string raw, ulong expected)
    {
        Parse(raw, out var type, out var number).Should().BeNull();
        type.Should().Be(FieldType.UInteger);
        number.Should().Be(expected);
    }

    [Theory]
    [InlineData("t", true)]
    [InlineData("T", true)]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("TRUE", true)]
    [InlineData("f", false)]
    [InlineData("F", false)]
    [InlineData("false", false)]
    [InlineData("False", false)]
    [InlineData("FALSE", false)]
    public void Parse_Boolean_GivesValue(string raw, bool expected)
    {
        var error = FieldReader.Parse(Encoding.UTF8.GetBytes(raw), out var value);
        error.Should().BeNull();
        value.Type.Should().Be(FieldType.Boolean);
        value.Boolean.Should().Be(expected);
    }

    [Fact]
    public void Parse_String_KeepsEscapedInner()
    {
        var error = FieldReader.Parse("\"a \\\"b\\\" c\""u8, out var value);

        error.Should().BeNull();
        value.Type.Should().Be(FieldType.String);
        Encoding.UTF8.GetString(value.Raw).Should().Be("a \\\"b\\\" c");
    }

    [Theory]
    [InlineData("9223372036854775808i", "invalid integer")]
    [InlineData("1.5i", "invalid integer")]
    [InlineData("i", "invalid integer")]
    [InlineData("-5u", "invalid unsigned integer")]
    [InlineData("18446744073709551616u", "invalid unsigned integer")]
    [InlineData("tru", "invalid boolean")]
    [InlineData("yes", "invalid number")]
    [InlineData("NaN", "'NaN' is not a finite number")]
    [InlineData("Inf", "'Inf' is not a finite number")]
    [InlineData("-Inf", "'-Inf' is not a finite number")]
    [InlineData("1e999", "'1e999' is not a finite number")]
    [InlineData("1.2.3", "invalid number")]
    [InlineData("0x10", "invalid number")]
    [InlineData("1e", "invalid number")]
    [InlineData("+1", "invalid number")]
    [InlineData("-", "invalid number")]
    public void Parse_BadValue_GivesReason(string raw, string reason)
    {
        Parse(raw, out _, out _).Should().StartWith(reason);
    }

    [Fact]
    public void Parse_StringOver64KiB_IsRefused()
    {
        var raw = "\"" + new string('x', FieldReader.MaxStringBytes + 1) + "\"";

        Parse(raw, out _, out _).Should().StartWith("string longer than");
    }

    [Fact]
    public void TryNext_SeveralFields_YieldsEachInOrder()
    {
        var reader = new FieldReader("a=1,b=\"x,y\",c=t,d=-3i"u8);
        var keys = new List<string>();
        while (reader.TryNext(out var key, out _, out var error))
        {
            error.Should().BeNull();
            keys.Add(Encoding.UTF8.GetString(key));
        }

        keys.Should().Equal("a", "b", "c", "d");
    }

    private static string? Parse(string raw, out FieldType type, out double number)
    {
        var error = FieldReader.Parse(Encoding.UTF8.GetBytes(raw), out var value);
        type = value.Type;
        number = value.Number;
        return error;
    }
}
