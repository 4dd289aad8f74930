using System.Text;
using Equipment.Fuzz.Tests.Support;
using Equipment.Telemetry.Ingest;
using Equipment.Telemetry.LineProtocol;

namespace Equipment.Fuzz.Tests.Parser;

/// <summary>(e) What <see cref="LineProtocolWriter"/> escapes, <see cref="TagReader"/> and <see cref="FieldReader"/> read back, unescaped by InfluxDB's rules.</summary>
public sealed class LineProtocolWriterEscapingTests
{
    private const string Alphabet = "ab Z09_-.:,= \"\\\t#äé✓😀\n\r";

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    public void Writer_RandomNamesAndValues_ReadBackIdentically(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 3000; i++)
        {
            var measurement = "m" + Text(random);
            var tagKey = "k" + Text(random);
            var tagValue = Text(random) + "v";
            var fieldKey = "f" + Text(random);
            var stringValue = Text(random);
            using var buffer = new ByteBuffer(256);
            new LineProtocolWriter(buffer, measurement).Tag(tagKey, tagValue).Field(fieldKey, stringValue).Field("n", 1.5).End(42);
            var written = buffer.ToArray();
            var describe = $"seed {seed}, case {i}: measurement {Show(measurement)}, tag {Show(tagKey)}={Show(tagValue)}, field {Show(fieldKey)}=\"{Show(stringValue)}\", written {Show(Encoding.UTF8.GetString(written))}";

            var (lines, error) = Lines.Read(written);

            error.Should().BeNull(describe);
            lines.Should().ContainSingle(describe);
            var line = lines[0];
            InfluxEscaping.Measurement(line.Measurement).Should().Be(Representable(Flatten(measurement), ", "), describe);
            line.Tags.Should().HaveCount(1, describe);
            InfluxEscaping.Key(line.Tags[0].Key).Should().Be(Representable(Flatten(tagKey), ",= "), describe);
            InfluxEscaping.Key(line.Tags[0].Value).Should().Be(Representable(Flatten(tagValue), ",= "), describe);
            line.Fields.Should().HaveCount(2, describe);
            InfluxEscaping.Key(line.Fields[0].Key).Should().Be(Representable(Flatten(fieldKey), ",= "), describe);
            line.Fields[0].Type.Should().Be(FieldType.String, describe);
            InfluxEscaping.StringField(line.Fields[0].Raw).Should().Be(Flatten(stringValue), describe);
            line.Fields[1].Number.Should().Be(1.5, describe);
            line.Timestamp.Should().Be(42, describe);
        }
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("with space, comma=equals")]
    [InlineData("quote \" and backslash \\ and \\\" both")]
    [InlineData("ends with backslash \\")]
    [InlineData("\\\\\\\\")]
    public void Writer_StringField_ReadBackIdentically(string value)
    {
        using var buffer = new ByteBuffer(256);
        new LineProtocolWriter(buffer, "alert").Tag("id", "x").Field("message", value).End(1);

        var (lines, error) = Lines.Read(buffer.ToArray());

        error.Should().BeNull();
        InfluxEscaping.StringField(lines.Single().Fields.Single().Raw).Should().Be(value);
    }

    /// <summary>
    /// InfluxDB's rules cannot express literal backslashes right before an escaped character or at the end of a
    /// name (they would escape it); such a run comes back doubled, every other text exactly.
    /// </summary>
    private static string Representable(string s, string escaped)
    {
        var sb = new StringBuilder();
        var run = 0;
        foreach (var c in s + "\0")
        {
            if (c == '\\')
            {
                run++;
                continue;
            }

            sb.Append('\\', c == '\0' || escaped.Contains(c, StringComparison.Ordinal) ? 2 * run : run);
            run = 0;
            if (c != '\0')
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    [Theory]
    [InlineData("line\nbreak", "line break")]
    [InlineData("ends in \\", "ends in \\\\")]
    [InlineData("a\\,b", "a\\\\,b")]
    [InlineData("two\\\\", "two\\\\\\\\")]
    [InlineData("a\\b", "a\\b")]
    public void Writer_TagValueWithNewlineOrBackslash_KeepsLineStructure(string value, string readBack)
    {
        // Regression: a newline became an unescaped space and a trailing backslash escaped the separator; both broke the line.
        using var buffer = new ByteBuffer(256);
        new LineProtocolWriter(buffer, "alert").Tag("rule", value).Tag("id", "x").Field("v", 1.0).End(1);

        var (lines, error) = Lines.Read(buffer.ToArray());

        error.Should().BeNull(Encoding.UTF8.GetString(buffer.ToArray()));
        lines.Single().Tags.Select(t => (t.Key, InfluxEscaping.Key(t.Value))).Should().Equal(("rule", readBack), ("id", "x"));
    }

    /// <summary>Line protocol has no newline escape; the writer turns CR and LF into spaces.</summary>
    private static string Flatten(string s) => s.Replace('\n', ' ').Replace('\r', ' ');

    private static string Text(Random random)
    {
        var sb = new StringBuilder();
        var length = random.Next(0, 8);
        var elements = System.Globalization.StringInfo.GetTextElementEnumerator(Alphabet);
        var pieces = new List<string>();
        while (elements.MoveNext())
        {
            pieces.Add((string)elements.Current);
        }

        for (var i = 0; i < length; i++)
        {
            // Backslashes are rare in names: one in ten pieces.
            var piece = pieces[random.Next(pieces.Count)];
            sb.Append(piece == "\\" && random.Next(3) != 0 ? "x" : piece);
        }

        return sb.ToString();
    }

    private static string Show(string s) => s.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);
}
