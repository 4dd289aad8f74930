using System.Text;
using Equipment.Grains.Influx.Backfill;
using Equipment.Telemetry.Ingest;

namespace Equipment.Tests.Backfill;

public sealed class LateDataMarkerTests
{
    private const long H = LateLineTracker.NsPerHour;
    private static readonly long Day = 1_772_323_200L * 1_000_000_000; // 2026-03-01T00:00Z

    [Fact]
    public void Append_LateTbmSamples_OneMarkPerMachineAndHourInTheSameBatch()
    {
        var batch = new StringBuilder()
            .Append($"tbm,id=a,site=s boring=true {Day + 10}\n")
            .Append($"tbm,id=a,site=s boring=false {Day + 20}\n")          // same hour: one mark
            .Append($"tbm,id=a,site=s boring=true {Day + H + 5}\n")
            .Append($"tbm,id=b,site=s boring=true {Day + 30}\n")
            .Append($"tbm_stroke,id=a stroke=4i {Day + 40}\n")             // derived, not a sample
            .Append($"truck,id=t,fleet=g soc_pct=50 {Day + 50}\n")
            .Append($"tbm,id=c,site=s boring=true {Day + (100 * H)}")      // on time, no trailing newline
            .ToString();
        using var buffer = new ByteBuffer();
        buffer.Write(Encoding.UTF8.GetBytes(batch));
        var nonce = 0L;

        var marks = LateDataMarker.Append(buffer, lateBeforeNs: Day + (50 * H), () => ++nonce);

        marks.Should().Be(3);
        var lines = Encoding.UTF8.GetString(buffer.WrittenSpan).Split('\n');
        lines.Take(7).Should().Equal(batch.Split('\n'), "the samples themselves are untouched");
        lines.Skip(7).Where(l => l.Length > 0).Select(l => l[..l.IndexOf(" nonce", StringComparison.Ordinal)] + l[l.LastIndexOf(' ')..])
            .Should().BeEquivalentTo($"tbm_late,id=a {Day}", $"tbm_late,id=a {Day + H}", $"tbm_late,id=b {Day}");
        lines.Skip(7).Where(l => l.Length > 0).Select(l => l.Split(' ')[1]).Should().OnlyHaveUniqueItems("every mark draws its own nonce");
        lines[^1].Should().BeEmpty("the batch still ends with a newline");
    }

    [Fact]
    public void Append_NothingLate_BufferUnchanged()
    {
        using var buffer = new ByteBuffer();
        buffer.Write(Encoding.UTF8.GetBytes($"tbm,id=a,site=s boring=true {Day}\n"));

        LateDataMarker.Append(buffer, lateBeforeNs: Day, () => 1).Should().Be(0);

        Encoding.UTF8.GetString(buffer.WrittenSpan).Should().Be($"tbm,id=a,site=s boring=true {Day}\n");
    }
}
