using System.Text;
using Equipment.Grains.Live;

namespace Equipment.Tests.Grains;

public sealed class LiveStateTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Apply_TwoSamples_KeepsLastValueAndTimeOfEveryField()
    {
        var live = new LiveState();

        live.Apply(Lines("tbm,id=a,site=north thrust_kn=100,boring=true 1000\ntbm,id=a,site=north thrust_kn=200,note=\"ok\" 2000\n"), Now);

        var snapshot = live.ToSnapshot("a", "tbm");
        snapshot.Group.Should().Be("north");
        snapshot.PointsReceived.Should().Be(2);
        snapshot.Fields["thrust_kn"].Number.Should().Be(200);
        snapshot.Fields["thrust_kn"].Time.Should().Be(DateTimeOffset.UnixEpoch.AddTicks(20));
        snapshot.Fields["boring"].Boolean.Should().BeTrue();
        snapshot.Fields["note"].Text.Should().Be("ok");
        snapshot.LastSeen.Should().Be(Now);
        snapshot.LastMeasured.Should().Be(DateTimeOffset.UnixEpoch.AddTicks(20));
    }

    [Fact]
    public void Apply_OlderSampleAfterNewer_DoesNotMoveStateBack()
    {
        var live = new LiveState();
        live.Apply(Lines("truck,id=t soc_pct=50 2000\n"), Now);

        live.Apply(Lines("truck,id=t soc_pct=90 1000\n"), Now);

        live.ToSnapshot("t", "truck").Fields["soc_pct"].Number.Should().Be(50);
        live.Points.Should().Be(2);
    }

    [Fact]
    public void Apply_CutterLines_KeptPerPosition()
    {
        var live = new LiveState();

        live.Apply(Lines("tbm_cutter,id=a,position=3 wear_mm=4.5 1\ntbm_cutter,id=a,position=12 wear_mm=7,replaced=false 1\n"), Now);

        var fields = live.ToSnapshot("a", "tbm").Fields;
        fields["cutter.3.wear_mm"].Number.Should().Be(4.5);
        fields["cutter.12.wear_mm"].Number.Should().Be(7);
        fields["cutter.12.replaced"].Boolean.Should().BeFalse();
    }

    private static byte[] Lines(string text) => Encoding.UTF8.GetBytes(text);
}
