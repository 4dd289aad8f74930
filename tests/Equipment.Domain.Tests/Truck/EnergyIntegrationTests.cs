using Equipment.Domain.Truck;

namespace Equipment.Domain.Tests.Truck;

public class EnergyIntegrationTests
{
    [Theory]
    // Both positive: (60 + 30)/2 · 0.5 h = 22.5 kWh drawn.
    [InlineData(60, 30, 0.5, 22.5, 0)]
    // Both negative: (20 + 40)/2 · 0.25 h = 7.5 kWh regenerated.
    [InlineData(-20, -40, 0.25, 0, 7.5)]
    // Sign change +60 → −30 over 1 h: zero at 60/90 = 2/3 h; drawn ½·60·2/3 = 20, regen ½·30·1/3 = 5 (net 15 = plain trapezoid).
    [InlineData(60, -30, 1, 20, 5)]
    // Reverse order: −30 → +60, zero at 1/3 h: regen ½·30·1/3 = 5, drawn ½·60·2/3 = 20.
    [InlineData(-30, 60, 1, 20, 5)]
    public void Trapezoid_PositiveNegativeAndCrossing_SplitsAtZero(double p1, double p2, double hours, double drawn, double regen)
    {
        var (d, r) = EnergyIntegration.Trapezoid(p1, p2, hours);

        d.Should().BeApproximately(drawn, 1e-12);
        r.Should().BeApproximately(regen, 1e-12);
    }
}
