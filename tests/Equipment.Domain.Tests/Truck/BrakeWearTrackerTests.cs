using Equipment.Domain.Truck;

namespace Equipment.Domain.Tests.Truck;

public class BrakeWearTrackerTests
{
    [Fact]
    public void Report_FourReadings_UsesLeastSquaresSlope()
    {
        var tracker = new BrakeWearTracker(minimumMm: 3);
        tracker.Apply(0, 12);
        tracker.Apply(1000, 11);
        tracker.Apply(2000, 10.5);
        tracker.Apply(3000, 9);

        var wear = tracker.Report();

        // x̄ = 1500, ȳ = 10.625; Sxx = 5·10⁶; Sxy = −1500·1.375 − 500·0.375 + 500·(−0.125) + 1500·(−1.625) = −4750;
        // slope = −0.00095 mm/km → 0.95 mm per 1000 km (end points alone would say 1.0).
        // (9 − 3) / 0.00095 = 6315.79 km → odometer 9315.79 km.
        wear.ThicknessMm.Should().Be(9);
        wear.WearMmPer1000Km.Should().BeApproximately(0.95, 1e-9);
        wear.KmToMinimum.Should().BeApproximately(6315.789, 0.001);
        wear.OdometerAtMinimumKm.Should().BeApproximately(9315.789, 0.001);
    }

    [Fact]
    public void Apply_ThicknessRisesByMoreThanOneMillimetre_IsPadChangeAndRestartsHistory()
    {
        var tracker = new BrakeWearTracker(minimumMm: 3);
        tracker.Apply(0, 5);
        tracker.Apply(1000, 4);

        tracker.Apply(1010, 12);

        var wear = tracker.Report();
        wear.PadChanges.Should().Be(1);
        wear.ThicknessMm.Should().Be(12);
        wear.WearMmPer1000Km.Should().BeNull();
    }

    [Fact]
    public void Apply_ManyReadings_StaysBoundedAndKeepsFirstReading()
    {
        var tracker = new BrakeWearTracker(minimumMm: 3);
        for (var km = 0; km <= 10000; km += 10) tracker.Apply(km, 12 - km / 1000.0);

        tracker.State.Readings.Count.Should().BeLessThanOrEqualTo(BrakeWearTracker.MaxReadings);
        tracker.State.Readings[0].OdometerKm.Should().Be(0);
        // A straight 1 mm/1000 km line stays exact whatever readings are thinned out.
        tracker.Report().WearMmPer1000Km.Should().BeApproximately(1.0, 1e-9);
    }
}
