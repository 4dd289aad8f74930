using Equipment.Telemetry.Ingest;

namespace Equipment.Fuzz.Tests.Support;

/// <summary>Runs <see cref="IngestParser"/> on one input within <see cref="Budget"/>, with a fresh type registry.</summary>
public static class Parsing
{
    public const long ReceivedNs = 1_800_000_000_000_000_000;

    public static readonly long[] Precisions = [1, 1_000, 1_000_000, 1_000_000_000, 60_000_000_000, 3_600_000_000_000];

    public static IngestResult Parse(byte[] body, long nsPerUnit, string describe) =>
        Budget.Run(() => new IngestParser(new FieldTypeRegistry()).Parse(body, nsPerUnit, ReceivedNs, UnrestrictedScope.Instance), describe);
}
