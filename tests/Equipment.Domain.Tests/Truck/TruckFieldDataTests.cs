using Equipment.Domain.Routes;
using Equipment.Domain.Telemetry;
using Equipment.Domain.Truck;
using Microsoft.Extensions.Time.Testing;

namespace Equipment.Domain.Tests.Truck;

/// <summary>The truck twin on field-shaped data: trips both ways, odometer drift, positions without altitude, late data, nights parked.</summary>
public class TruckFieldDataTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void RoutePosition_OutToBaseCampAndBackWithPositions_FollowsDirectionAndRangeLooksBack()
    {
        var time = new FakeTimeProvider(T0);
        var twin = new TruckTwin("truck-7", new TruckParameters { RouteStartOdometerKm = 50_000 - 2525 }, time, KnownRoutes.G318);
        var random = new Random(7);
        foreach (var s in G318Drive.Leg(T0, 2525, 2714, 50_000, random)) twin.Apply(s);
        twin.RoutePosition!.Direction.Should().Be(1);

        var back = T0.AddHours(4);
        TruckSample last = default;
        foreach (var s in G318Drive.Leg(back, 2714, 2600, 50_189, random)) twin.Apply(last = s);

        // 114 km back from base camp: km 2600, heading towards Chengdu; New Tingri (2614) is behind, Lhaze (2525) ahead.
        var position = twin.RoutePosition!;
        position.Direction.Should().Be(-1);
        position.OnRoute.Should().BeTrue();
        position.RouteKm.Should().BeApproximately(2600, 1.0);
        position.Next.Name.Should().Be("Gyatso La");
        twin.Range!.TargetName.Should().Be("Lhaze");
        twin.Range.Direction.Should().Be(-1);
        twin.ClimbsAhead[0].TopName.Should().Be("Gyatso La");
        last.OdometerKm.Should().BeApproximately(50_303, 0.01);
    }

    [Fact]
    public void RoutePosition_OdometerOnlyPastTheRouteEnd_FoldsBackInsteadOfOffRoute()
    {
        // Registered with the odometer at route km 0 = 10,000; now 10,000 + 2,714 + 100: it turned at base camp.
        var twin = new TruckTwin("truck-7", new TruckParameters { RouteStartOdometerKm = 10_000 }, new FakeTimeProvider(T0), KnownRoutes.G318);

        twin.Apply(new TruckSample(T0, OdometerKm: 12_814, SocPct: 80));

        twin.RoutePosition!.Should().Match<RoutePosition>(p => p.OnRoute && p.Direction == -1 && p.RouteKm == 2614);
        twin.Range.Should().NotBeNull();
    }

    [Fact]
    public void RoutePosition_OdometerDriftOnePercentChengduToLhasa_ReanchoredNearWaypointsWithinThreeKm()
    {
        var twin = new TruckTwin("truck-7", new TruckParameters { RouteStartOdometerKm = 1000 }, new FakeTimeProvider(T0), KnownRoutes.G318);
        var random = new Random(11);
        var worst = 0.0;
        var k = 0;

        foreach (var s in G318Drive.Leg(T0, 0, 2110, 1000, random, stepS: 30, odometerScale: 1.01))
        {
            twin.Apply(s);
            var trueKm = (s.OdometerKm!.Value - 1000) / 1.01;
            if (k++ % 20 == 0) worst = Math.Max(worst, Math.Abs(twin.RoutePosition!.RouteKm - trueKm));
        }

        // Without re-anchoring the odometer alone would be 21 km out past Lhasa; the longest leg between waypoints is 211 km (2.1 km drift).
        twin.RoutePosition!.RouteKm.Should().BeApproximately(2110, 1.0);
        worst.Should().BeLessThan(3.0);
        twin.RoutePosition.Source.Should().Be("waypoint");
        twin.RoutePosition.AnchoredAtKm.Should().Be(2099);
    }

    [Fact]
    public void Metrics_ReturningTruckFirstSeenMidRouteWithAnUnknownOdometer_NoRangeVerdictUntilItsDirectionIsKnown()
    {
        // Registered without its odometer at km 0 (0 by default): odometer 48,000 folds nowhere near where lat/lon put it
        // (km 1,500, heading back to Chengdu). Assuming "outbound" would judge the charge against the wrong charger.
        var time = new FakeTimeProvider(T0);
        var twin = new TruckTwin("truck-7", new TruckParameters(), time, KnownRoutes.G318);
        var verdicts = new List<bool>();
        foreach (var sample in G318Drive.Leg(T0, 1500, 1480, 48_000, new Random(3), soc: 20))
        {
            time.SetUtcNow(sample.Timestamp);
            twin.Apply(sample);
            twin.EvaluateAlerts();
            verdicts.Add(twin.Metrics().ContainsKey(TruckMetrics.SocMarginPct));
        }

        verdicts[0].Should().BeFalse("the direction is only assumed on the first sample");
        verdicts[^1].Should().BeTrue("5 km of driving show the direction");
        twin.RoutePosition!.Direction.Should().Be(-1);
        twin.Range!.TargetName.Should().Be("Bomi");
    }

    [Fact]
    public void RoutePosition_ReturningTruckFirstSeenByLatLonWhereItsOdometerFolds_KnowsItIsReturningAtOnce()
    {
        // Odometer at km 0 registered as 1,000: 1,000 + 2,714 + 1,214 folds to km 1,500 on the way back, where lat/lon put it.
        var time = new FakeTimeProvider(T0);
        var twin = new TruckTwin("truck-7", new TruckParameters { RouteStartOdometerKm = 1000 }, time, KnownRoutes.G318);
        var first = G318Drive.Leg(T0, 1500, 1490, 1000 + 2714 + 1214, new Random(3)).First();

        twin.Apply(first);

        twin.RoutePosition!.Should().Match<RoutePosition>(p => p.Direction == -1 && p.DirectionKnown);
    }

    [Fact]
    public void Altitude_PositionWithoutAltitude_DerivedFromProfileAndSaidSo()
    {
        // A GB/T 32960 T-Box: odometer and lat/lon, no altitude. Kangding → Zheduo Pass (1,738 m of climbing).
        var twin = new TruckTwin("truck-7", new TruckParameters { RouteStartOdometerKm = 0 }, new FakeTimeProvider(T0), KnownRoutes.G318);
        foreach (var s in G318Drive.Leg(T0, 357, 377, 357, new Random(3), speedKmh: 30)) twin.Apply(s);
        foreach (var s in Standing(T0.AddMinutes(41), 377, 11)) twin.Apply(s);

        var kpis = twin.Snapshot();
        kpis.AltitudeSource.Should().Be("derived");
        kpis.AltitudeM.Should().BeApproximately(4298, 5);
        var run = twin.Runs.Single();
        run.End.Should().NotBeNull();
        run.AltitudeSource.Should().Be("derived");
        run.AscentM.Should().BeApproximately(1738, 1738 * 0.01);

        twin.Apply(new TruckSample(T0.AddHours(2), AltitudeM: 4301, SpeedKmh: 0));
        twin.Snapshot().Should().Match<TruckKpis>(k => k.AltitudeSource == "measured" && k.AltitudeM == 4301);
    }

    [Theory]
    [InlineData(1.0, 0)]
    [InlineData(10.0, 0)]
    [InlineData(1.0, 30)]
    [InlineData(10.0, 30)]
    public void Runs_GnssAltitudeNoiseSigma10OverZheduoClimb_AscentWithinFivePercent(double stepS, double noiseTauS)
    {
        var time = new FakeTimeProvider(T0);
        var twin = new TruckTwin("truck-7", new TruckParameters(), time, KnownRoutes.G318);
        var random = new Random(42);
        foreach (var s in G318Drive.Leg(T0, 357, 377, 357, random, speedKmh: 30, stepS: stepS, altitudeSigmaM: 10, altitudeNoiseTauS: noiseTauS)) twin.Apply(s);
        foreach (var s in Standing(T0.AddMinutes(41), 377, 11, random, sigma: 10)) twin.Apply(s);

        var run = twin.Runs.Single();
        run.End.Should().NotBeNull();
        run.AltitudeSource.Should().Be("measured");
        // True climb 2,560 → 4,298 m = 1,738 m; the old ±5 m dead band on raw altitude counted thousands more.
        run.AscentM.Should().BeInRange(1738 * 0.95, 1738 * 1.05);
    }

    [Theory]
    [InlineData(1.0, 0)]
    [InlineData(10.0, 0)]
    [InlineData(1.0, 30)]
    [InlineData(10.0, 30)]
    public void Runs_GnssAltitudeNoiseSigma10OnFlatRoadForAnHour_AddsLessThanTwentyMetres(double stepS, double noiseTauS)
    {
        var twin = new TruckTwin("truck-7", new TruckParameters(), new FakeTimeProvider(T0), null);
        var noise = G318Drive.VerticalError(new Random(5), 10, noiseTauS, stepS);
        for (var t = 0.0; t <= 3600; t += stepS)
            twin.Apply(new TruckSample(T0.AddSeconds(t), OdometerKm: t / 60, AltitudeM: 3800 + noise(t), SpeedKmh: 60, PowerKw: 15));

        // Flat road, 1 h, white or 30 s-correlated GNSS error: the old ±5 m dead band added hundreds of metres.
        twin.Runs.Single().AscentM.Should().BeLessThan(20);
    }

    [Fact]
    public void Tick_SpoolReplayOfTwoHourOldDriveEndingAtARedLight_KeepsRunOpen()
    {
        // The platform receives, now, data the truck recorded two hours ago: driving, then one minute standing at a light.
        var time = new FakeTimeProvider(T0.AddHours(2));
        var twin = new TruckTwin("truck-7", new TruckParameters(), time);
        for (var s = 0; s <= 600; s += 10) twin.Apply(new TruckSample(T0.AddSeconds(s), OdometerKm: 100 + (s / 60.0), SpeedKmh: 60, PowerKw: 20));
        for (var s = 610; s <= 660; s += 10) twin.Apply(new TruckSample(T0.AddSeconds(s), OdometerKm: 110, SpeedKmh: 0, PowerKw: 0));

        twin.Tick().Should().BeNull("on the truck's clock it has stood for one minute, not two hours");
        time.Advance(TimeSpan.FromMinutes(9));
        twin.Tick().Should().BeNull("660 s + 9 min = 1,200 s on the device clock, 590 s after it stopped at 610 s");
        time.Advance(TimeSpan.FromMinutes(1));
        twin.Tick().Should().NotBeNull("ten minutes standing on the device clock (newest sample + time since it arrived)");
    }

    [Fact]
    public void Apply_LateSampleFromAResentFrame_CountedAndNotApplied()
    {
        var twin = new TruckTwin("truck-7", new TruckParameters(), new FakeTimeProvider(T0));
        twin.Apply(new TruckSample(T0, OdometerKm: 100, SpeedKmh: 60, PowerKw: 20));
        twin.Apply(new TruckSample(T0.AddSeconds(60), OdometerKm: 101, SpeedKmh: 60, PowerKw: 20));

        twin.Apply(new TruckSample(T0.AddSeconds(30), OdometerKm: 100.5, SpeedKmh: 0, PowerKw: 500)).Should().BeNull();

        twin.State.LateSamplesIgnored.Should().Be(1);
        twin.Snapshot().LateSamplesIgnored.Should().Be(1);
        twin.Runs.Single().EnergyKwh.Should().BeApproximately(20.0 / 60, 1e-9);
    }

    [Fact]
    public void EvaluateAlerts_NightParkedWithIgnitionOff_NoOfflineAlert()
    {
        var time = new FakeTimeProvider(T0.AddHours(12));
        var twin = new TruckTwin("truck-7", new TruckParameters(), time);
        twin.Apply(new TruckSample(T0.AddHours(12), OdometerKm: 500, SpeedKmh: 0, SocPct: 80, Ignition: false));

        for (var h = 0; h < 30; h++)
        {
            time.Advance(TimeSpan.FromHours(0.5));
            twin.EvaluateAlerts().Should().BeEmpty("parked with the ignition off for {0} h", (h + 1) * 0.5);
        }

        twin.Snapshot().Parked.Should().BeTrue();
    }

    [Fact]
    public void EvaluateAlerts_StandingThenSilent_ParkedUntilTheParkedSilenceThenOffline()
    {
        var time = new FakeTimeProvider(T0);
        var twin = new TruckTwin("truck-7", new TruckParameters { ParkedSilenceH = 16 }, time);
        twin.Apply(new TruckSample(T0, OdometerKm: 500, SpeedKmh: 0, SocPct: 80));

        time.Advance(TimeSpan.FromHours(15.9));
        twin.EvaluateAlerts().Should().BeEmpty("a night at a guest house without ignition data is parked");
        time.Advance(TimeSpan.FromHours(0.2));
        twin.EvaluateAlerts().Select(e => e.Alert.RuleId).Should().Equal("offline");
    }

    [Fact]
    public void EvaluateAlerts_DrivingTruckDeclaredDisconnected_OfflineAtOnceUntilNewerData()
    {
        var time = new FakeTimeProvider(T0);
        var twin = new TruckTwin("truck-7", new TruckParameters(), time);
        twin.Apply(new TruckSample(T0, OdometerKm: 500, SpeedKmh: 55, SocPct: 80));
        time.Advance(TimeSpan.FromSeconds(1));

        twin.Apply(new TruckSample(T0.AddSeconds(1)));
        twin.ReportConnection(false, T0.AddSeconds(1));

        twin.EvaluateAlerts().Select(e => e.Alert.RuleId).Should().Equal("offline");
        time.Advance(TimeSpan.FromSeconds(5));
        twin.Apply(new TruckSample(T0.AddSeconds(6), OdometerKm: 500.1, SpeedKmh: 50));
        twin.State.ConnectionLostAt.Should().BeNull();
    }

    [Fact]
    public void EvaluateAlerts_DrivingIntoADeadZone_OfflineThenOneLineDoesNotClearIt()
    {
        var time = new FakeTimeProvider(T0);
        var twin = new TruckTwin("truck-7", new TruckParameters(), time);
        twin.Apply(new TruckSample(T0, OdometerKm: 500, SpeedKmh: 55, SocPct: 80));
        time.Advance(TimeSpan.FromSeconds(130));
        var raised = twin.EvaluateAlerts().Single().Alert;
        raised.RuleId.Should().Be("offline");

        // One line gets through from the dead zone, then silence again: the alert stays open (no clear, no second raise).
        time.Advance(TimeSpan.FromMinutes(10));
        twin.Apply(new TruckSample(time.GetUtcNow(), OdometerKm: 510, SpeedKmh: 55));
        twin.EvaluateAlerts().Should().BeEmpty();
        time.Advance(TimeSpan.FromSeconds(130));
        twin.EvaluateAlerts().Should().BeEmpty();

        // Back in coverage: lines every 10 s; clears once it has been online for 5 minutes.
        var cleared = new List<string>();
        for (var s = 0; s <= 400; s += 10)
        {
            time.Advance(TimeSpan.FromSeconds(10));
            twin.Apply(new TruckSample(time.GetUtcNow(), OdometerKm: 520 + (s / 60.0), SpeedKmh: 55));
            cleared.AddRange(twin.EvaluateAlerts().Where(e => e.Transition == Equipment.Domain.Alerts.AlertTransition.Cleared).Select(e => $"{s}:{e.Alert.Id}"));
        }

        cleared.Should().Equal($"300:{raised.Id}");
    }

    [Fact]
    public void EvaluateAlerts_AtLitangWith30PctLeavingUncharged_NoAlertWhileThereRaisedOnceGone()
    {
        // At Litang (km 643) with 30 %: Batang (161 km over Haizi Shan) needs more, but the truck can charge here. It
        // drives on without charging: 1 km out of town the verdict counts.
        var time = new FakeTimeProvider(T0);
        var twin = new TruckTwin("truck-7", new TruckParameters(), time, KnownRoutes.G318);
        foreach (var sample in Standing(T0, 643, minutes: 20, soc: 30))
        {
            time.SetUtcNow(sample.Timestamp);
            twin.Apply(sample);
            twin.EvaluateAlerts().Should().BeEmpty();
        }

        twin.Range!.AtChargingPointName.Should().Be("Litang");
        twin.Range.TargetName.Should().Be("Batang");
        twin.Range.SocMarginPct.Should().BeNegative();

        var events = new List<string>();
        foreach (var sample in Drive(time.GetUtcNow().AddSeconds(10), 643, 645, soc: 30))
        {
            time.SetUtcNow(sample.Timestamp);
            twin.Apply(sample);
            events.AddRange(twin.EvaluateAlerts().Select(e => $"{e.Transition}:{e.Alert.RuleId}:{twin.RoutePosition!.RouteKm:0}"));
        }

        events.Should().Equal("Raised:soc-below-route-need:644");
    }

    [Fact]
    public void EvaluateAlerts_AtLitangLowChargesThenLeaves_NeverRaisesRouteNeed()
    {
        var time = new FakeTimeProvider(T0);
        var twin = new TruckTwin("truck-7", new TruckParameters(), time, KnownRoutes.G318);
        var events = new List<string>();
        var samples = Standing(T0, 643, minutes: 60, soc: 30)
            .Select((s, i) => s with { SocPct = Math.Min(95, 30 + (i * 0.2)) })
            .Concat(Drive(T0.AddMinutes(61), 643, 660, soc: 95));
        foreach (var sample in samples)
        {
            time.SetUtcNow(sample.Timestamp);
            twin.Apply(sample);
            events.AddRange(twin.EvaluateAlerts().Select(e => $"{e.Transition}:{e.Alert.RuleId}"));
        }

        twin.Range!.AtChargingPointName.Should().BeNull();
        twin.Range.SocMarginPct.Should().BePositive();
        events.Should().BeEmpty();
    }

    [Fact]
    public void Runs_PackPowerAboveTraction_AuxiliaryEnergyCountedInConsumption()
    {
        // 1 h at 60 km/h: traction 20 kW, pack 350 V · 70 A = 24.5 kW → 4.5 kWh auxiliary; (20 + 4.5) / 60 km · 100 = 40.833 kWh/100 km.
        var twin = new TruckTwin("truck-7", new TruckParameters(), new FakeTimeProvider(T0));
        for (var s = 0; s <= 3600; s += 60)
            twin.Apply(new TruckSample(T0.AddSeconds(s), OdometerKm: s / 60.0, SpeedKmh: 60, PowerKw: 20, BatteryVoltageV: 350, BatteryCurrentA: 70));

        var run = twin.Runs.Single();
        run.EnergyKwh.Should().BeApproximately(20, 1e-9);
        run.AuxiliaryKwh.Should().BeApproximately(4.5, 1e-9);
        run.KwhPer100Km!.Value.Should().BeApproximately(40.8333, 0.0001);
    }

    private static IEnumerable<TruckSample> Drive(DateTimeOffset start, double fromKm, double toKm, double soc) =>
        G318Drive.Leg(start, fromKm, toKm, fromKm, new Random(7), speedKmh: 40, soc: soc);

    private static IEnumerable<TruckSample> Standing(DateTimeOffset start, double km, int minutes, Random? random = null, double? sigma = null, double? soc = null)
    {
        var (lat, lon) = G318Drive.PositionAt(km);
        for (var s = 0; s <= minutes * 60; s += 10)
        {
            yield return new TruckSample(start.AddSeconds(s), OdometerKm: km, Lat: lat, Lon: lon, SpeedKmh: 0, PowerKw: 0, SocPct: soc,
                AltitudeM: sigma is { } sg ? KnownRoutes.G318.AltitudeAt(km) + G318Drive.Gaussian(random!, sg) : null);
        }
    }
}
