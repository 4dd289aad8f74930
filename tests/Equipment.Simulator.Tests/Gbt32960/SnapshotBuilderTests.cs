using Equipment.Simulator.Gbt32960;
using Equipment.Simulator.Trucks;

namespace Equipment.Simulator.Tests.Gbt32960;

public class SnapshotBuilderTests
{
    private static readonly DateTime T = new(2026, 12, 2, 9, 0, 0, DateTimeKind.Utc);

    private static TruckSample Sample(bool ignition, bool charging, double speedKmh) =>
        new(T, charging, 12_000, 30, 100, 3_000, speedKmh, 60, 15, 20, 18, -5, 380, 10, 3, 10, ignition);

    [Theory]
    [InlineData(true, false, 50, 1)] // driving: started
    [InlineData(true, true, 0, 2)] // stopped at a roadside charger: stopped
    [InlineData(false, false, 0, 2)] // parked for the night, ignition off: stopped, so the platform reads "parked"
    public void Build_IgnitionAndCharging_SetVehicleStateAsTheStandardDefinesIt(bool ignition, bool charging, double speedKmh, byte state)
    {
        var builder = new SnapshotBuilder(new Random(1), meanHoursBetweenFaults: 0);

        builder.Build(Sample(ignition, charging, speedKmh)).VehicleState.Should().Be(state);
    }
}
