using Equipment.Simulator.Tbm;

namespace Equipment.Simulator.Tests.Tbm;

public class RockMassTests
{
    [Fact]
    public void UcsAt_AlongFiveKilometres_IsGraniteOf100To200MpaWithOccasionalHardZones()
    {
        var rock = new RockMass(new Random(1), 0);
        var samples = Enumerable.Range(0, 5000).Select(m => (Chainage: m + 0.5, Ucs: rock.UcsAt(m + 0.5))).ToList();

        samples.Where(s => rock.ZoneAt(s.Chainage) is null).Should().OnlyContain(s => s.Ucs >= 100 && s.Ucs <= 200);
        samples.Select(s => s.Ucs).Max().Should().BeGreaterThan(200);
        rock.Zones.Should().HaveCountGreaterThan(10);
        rock.Zones.Should().OnlyContain(z => z.UcsMpa >= 210 && z.UcsMpa <= 260 && z.EndM - z.StartM >= 8 && z.EndM - z.StartM <= 30);
        var hardShare = samples.Count(s => s.Ucs > 200) / (double)samples.Count;
        hardShare.Should().BeInRange(0.05, 0.35, "hard zones are occasional");
    }
}
