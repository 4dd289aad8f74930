using System.Text;
using Equipment.Simulator.Core;
using Equipment.Simulator.Running;
using Equipment.Simulator.Tests.Support;
using Equipment.Simulator.Trucks;

namespace Equipment.Simulator.Tests.Running;

public class DeterminismTests
{
    private static readonly RouteProfile G318 = RouteProfile.Load(null);

    private static string LineProtocol(int seed, TimeSpan span)
    {
        var sources = new List<ITelemetrySource>();
        sources.AddRange(SourceFactory.LiveTbms(2, seed, Simulate.Epoch, 1));
        sources.AddRange(SourceFactory.LiveTrucks(2, seed, Simulate.Epoch, 1, G318));
        sources.AddRange(SourceFactory.Replays(seed, Simulate.Epoch, null));
        var text = new StringBuilder();
        foreach (var source in sources)
        {
            foreach (var point in Simulate.Run(source, span))
            {
                text.Append(point.ToLineProtocol()).Append('\n');
            }
        }

        return text.ToString();
    }

    [Fact]
    public void Generate_SameSeedAndStart_IsByteIdentical()
    {
        // The live TBMs' site is UTC+8: 00:00 UTC falls in the 06:00–09:00 local maintenance stop and 06:00 UTC is the 14:00
        // local handover, so cutter inspections are included.
        var first = LineProtocol(42, TimeSpan.FromHours(7));
        var second = LineProtocol(42, TimeSpan.FromHours(7));

        first.Should().Contain("tbm_cutter,id=tbm-01,position=31").And.Contain("id=tbm-a");
        Encoding.UTF8.GetBytes(first).Should().Equal(Encoding.UTF8.GetBytes(second));
    }

    [Fact]
    public void Generate_DifferentSeed_DiffersForLiveAndReplayMachines()
    {
        var a = LineProtocol(42, TimeSpan.FromHours(1)).Split('\n');
        var b = LineProtocol(43, TimeSpan.FromHours(1)).Split('\n');

        a.Length.Should().Be(b.Length, "the sampling grid does not depend on the seed");
        a.Zip(b).Count(p => p.First != p.Second).Should().BeGreaterThan(a.Length / 2);
        a.Where(l => l.StartsWith("tbm,id=tbm-a", StringComparison.Ordinal))
            .Should().NotEqual(b.Where(l => l.StartsWith("tbm,id=tbm-a", StringComparison.Ordinal)), "replay shuffles samples by seed");
    }

    [Fact]
    public void LiveTrucks_Twelve_StartStaggeredAlongTheRoute()
    {
        var trucks = SourceFactory.LiveTrucks(12, 42, Simulate.Epoch, 1, G318);

        var kms = trucks.Select(t => t.RouteKm).Order().ToList();
        kms.Zip(kms.Skip(1)).Should().OnlyContain(p => p.Second - p.First > 40);
        kms[0].Should().BeLessThan(230);
        kms[^1].Should().BeGreaterThan(2714 - 230);
        trucks.Select(t => t.Id).Should().Equal(Enumerable.Range(1, 12).Select(i => $"truck-{i:00}"));
    }
}
