using System.Globalization;
using System.Text;
using Equipment.Telemetry.Ingest;
using Equipment.Telemetry.LineProtocol;
using Equipment.Telemetry.Schema;

namespace Equipment.Fuzz.Tests.Support;

/// <summary>What must hold for every parse result, accepted or not.</summary>
public static class Invariants
{
    /// <summary>A refusal names a line of the body and says so first; an acceptance passes <see cref="CheckAccepted"/>.</summary>
    public static void Check(byte[] body, long nsPerUnit, IngestResult result, string describe)
    {
        switch (result.Outcome)
        {
            case IngestOutcome.Accepted:
                CheckAccepted(body, nsPerUnit, result, describe);
                break;
            case IngestOutcome.Invalid:
                CheckRefusal(body, result.Error, describe);
                break;
            default:
                throw new Xunit.Sdk.XunitException($"unrestricted scope answered {result.Outcome} for {describe}");
        }
    }

    public static void CheckRefusal(byte[] body, LineProtocolError error, string describe)
    {
        error.Line.Should().BeInRange(1, Math.Max(1, Lines.Count(body)), describe);
        error.Reason.Should().NotBeNullOrWhiteSpace(describe);
        error.Message.Should().StartWith($"line {error.Line}: ", describe);
    }

    /// <summary>
    /// (b) the normalised output is line protocol the reader takes back, every line with a timestamp, as many
    /// points as accepted; (d) every value reads back equal to what was sent, with the schema's type.
    /// </summary>
    public static void CheckAccepted(byte[] body, long nsPerUnit, IngestResult result, string describe)
    {
        var (input, inputError) = Lines.Read(body);
        inputError.Should().BeNull(describe);
        result.Points.Should().Be(input.Count, describe);

        var outputs = new Dictionary<(EquipmentKind, string), Queue<ReadLine>>();
        var total = 0;
        foreach (var batch in result.Batches)
        {
            var (lines, error) = Lines.Read(batch.Lines);
            error.Should().BeNull($"the normalised output must be readable: {Encoding.UTF8.GetString(batch.Lines)}; {describe}");
            lines.Should().HaveCount(batch.Points, describe);
            lines.Should().OnlyContain(l => l.HasTimestamp, describe);
            lines.SelectMany(l => l.Fields).Where(f => f.Error != null).Should().BeEmpty($"output values must type cleanly; {describe}");
            outputs.Add((batch.Kind, batch.Id), new Queue<ReadLine>(lines));
            total += lines.Count;
        }

        total.Should().Be(result.Points, describe);
        foreach (var sent in input)
        {
            var schema = TelemetrySchema.Find(Encoding.UTF8.GetBytes(sent.Measurement));
            schema.Should().NotBeNull(describe);
            var id = sent.Tags.First(t => t.Key == "id").Value;
            var stored = outputs[(schema!.Kind, id)].Dequeue();
            stored.Measurement.Should().Be(sent.Measurement, describe);
            stored.Tags.Should().Equal(sent.Tags, describe);
            stored.Timestamp.Should().Be(sent.HasTimestamp ? sent.Timestamp * nsPerUnit : Parsing.ReceivedNs, describe);
            stored.Fields.Select(f => f.Key).Should().Equal(sent.Fields.Select(f => f.Key), describe);
            for (var i = 0; i < sent.Fields.Count; i++)
            {
                CheckValue(schema, sent.Fields[i], stored.Fields[i], $"line {sent.Number} field {sent.Fields[i].Key}={sent.Fields[i].Raw} stored as {stored.Fields[i].Raw}; {describe}");
            }
        }
    }

    private static void CheckValue(MeasurementSchema schema, ReadField sent, ReadField stored, string because)
    {
        sent.Error.Should().BeNull(because);
        var index = schema.IndexOf(Encoding.UTF8.GetBytes(sent.Key));
        var type = index >= 0 ? schema.Fields[index].Type : sent.Type == FieldType.UInteger ? FieldType.Integer : sent.Type;
        stored.Type.Should().Be(type, because);
        switch (type)
        {
            case FieldType.Float:
                stored.Number.Should().Be(sent.Number, because);
                break;
            case FieldType.Integer:
                Int128 expected = sent.Type switch
                {
                    FieldType.Integer => sent.Integer,
                    FieldType.UInteger => ulong.Parse(sent.Raw[..^1], CultureInfo.InvariantCulture),
                    _ => (Int128)sent.Number,
                };
                ((Int128)stored.Integer).Should().Be(expected, because);
                break;
            case FieldType.Boolean:
                stored.Boolean.Should().Be(sent.Boolean, because);
                break;
            default:
                stored.Raw.Should().Be(sent.Raw, because);
                break;
        }
    }
}
