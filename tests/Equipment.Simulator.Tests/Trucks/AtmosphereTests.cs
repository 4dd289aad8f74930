using Equipment.Simulator.Trucks;

namespace Equipment.Simulator.Tests.Trucks;

public class AtmosphereTests
{
    [Fact]
    public void AirDensity_SeaLevel_Is1point225()
    {
        Atmosphere.AirDensity(0).Should().BeApproximately(1.225, 1e-9);
    }

    [Fact]
    public void AirDensity_5000m_IsAbout0point74AndCutsDragByAbout40Percent()
    {
        // ISA: 1.225 · (1 − 2.25577e-5 · 5000)^4.2559 = 0.7361 kg/m³.
        var rho = Atmosphere.AirDensity(5000);

        rho.Should().BeApproximately(0.7361, 0.0005);
        (1 - rho / 1.225).Should().BeApproximately(0.40, 0.01);
    }

    [Theory]
    [InlineData(5000, 7, -11.5)]
    [InlineData(5000, 19, -23.5)]
    [InlineData(500, 7, 17.75)]
    public void AmbientTemperature_AltitudeAndUtcHour_FollowsLapseRateAndDay(double altitude, int utcHour, double expected)
    {
        // 07:00 UTC is 15:00 in China (warmest, +6 °C), 19:00 UTC is 03:00 (coldest, −6 °C);
        // 15 − 6.5 · 5 = −17.5 °C mean at 5,000 m, 15 − 3.25 = 11.75 °C at 500 m.
        var t = new DateTime(2026, 1, 1, utcHour, 0, 0, DateTimeKind.Utc);

        Atmosphere.AmbientTemperatureC(altitude, t).Should().BeApproximately(expected, 1e-9);
    }
}
