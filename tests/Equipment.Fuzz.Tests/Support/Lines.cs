using System.Text;
using Equipment.Telemetry.LineProtocol;

namespace Equipment.Fuzz.Tests.Support;

/// <summary>Reads a body with the production readers and copies what they saw.</summary>
public static class Lines
{
    /// <summary>Every line, or the reader's error.</summary>
    public static (List<ReadLine> Lines, LineProtocolError? Error) Read(ReadOnlySpan<byte> body)
    {
        var result = new List<ReadLine>();
        var reader = new LineProtocolReader(body);
        while (true)
        {
            var status = reader.Read(out var line);
            if (status == ReadStatus.End)
            {
                return (result, null);
            }

            if (status == ReadStatus.Error)
            {
                return (result, reader.Error);
            }

            var tags = new List<(string, string)>();
            var tagReader = line.GetTags();
            while (tagReader.TryNext(out var key, out var value))
            {
                tags.Add((Encoding.UTF8.GetString(key), Encoding.UTF8.GetString(value)));
            }

            var fields = new List<ReadField>();
            var fieldReader = line.GetFields();
            while (fieldReader.TryNext(out var key, out var value, out var error))
            {
                fields.Add(new ReadField(Encoding.UTF8.GetString(key), value.Type, value.Number, value.Integer, value.Boolean, Encoding.UTF8.GetString(value.Raw), error));
            }

            result.Add(new ReadLine(line.Number, Encoding.UTF8.GetString(line.Measurement), tags, fields, line.HasTimestamp, line.Timestamp));
        }
    }

    /// <summary>Lines of a body as a client counts them: a last line without a newline still counts.</summary>
    public static int Count(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return 0;
        }

        var newlines = body.Count((byte)'\n');
        return body[^1] == (byte)'\n' ? newlines : newlines + 1;
    }
}
