using System.Text.Json;
using System.Text.Json.Nodes;
using Equipment.Domain.Alerts;
using Equipment.Domain.Routes;
using Equipment.Domain.Truck;
using Equipment.Simulator.Running;
using Equipment.Simulator.Tests.Support;
using DomainSample = Equipment.Domain.Telemetry.TruckSample;
using SimRoute = Equipment.Simulator.Trucks.RouteProfile;
using SimSample = Equipment.Simulator.Trucks.TruckSample;

namespace Equipment.Simulator.Tests.Trucks;

/// <summary>
/// The simulated G318 fleet fed, sample by sample, into the platform's own truck twins (registered from the
/// simulator's registration bodies, as <c>run.sh</c> does): a fleet manager must see no range alert for trucks that
/// never run short, in winter nights and summer days, in both directions, with nights parked.
/// </summary>
public class FleetRangeAgreementTests
{
    private static readonly SimRoute G318 = SimRoute.Load(null);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Theory]
    [InlineData(42, "2026-12-02T16:00:00Z")] // run.sh's seed, a winter night: −15 °C at 4,000 m
    [InlineData(42, "2026-01-15T04:00:00Z")] // winter midday
    [InlineData(7, "2026-12-02T22:00:00Z")] // the MQTT simulator's seed, dawn, coldest
    [InlineData(1234, "2026-07-15T06:00:00Z")] // summer afternoon
    public void LiveTrucks_TwoDaysIntoThePlatformTwins_NeverRaiseSocBelowRouteNeed(int seed, string start)
    {
        var startUtc = DateTime.Parse(start, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
        var trucks = SourceFactory.LiveTrucks(12, seed, startUtc, 0.1, G318);
        var raised = new List<string>();
        var minMargin = double.PositiveInfinity;
        var verdicts = 0;

        foreach (var truck in trucks)
        {
            var body = JsonNode.Parse(SourceFactory.Registrations([], [truck]).Single().JsonBody)!["truck"]!;
            var parameters = body.Deserialize<TruckParameters>(Json)!;
            var clock = new SampleClock();
            var twin = new TruckTwin(truck.Id, parameters, clock, KnownRoutes.G318);
            truck.SampleSink = s =>
            {
                clock.Now = s.TimeUtc;
                twin.Apply(ToDomain(s));
                foreach (var e in twin.EvaluateAlerts())
                {
                    if (e.Alert.RuleId == "soc-below-route-need" && e.Transition == AlertTransition.Raised)
                        raised.Add($"{truck.Id} at {s.TimeUtc:MM-dd HH:mm} km {truck.RouteKm:0} dir {truck.Direction} soc {s.SocPct:0.0} battery {s.BatteryTempC:0} °C ambient {s.AmbientTempC:0} °C: {twin.Range?.TargetName} needs {twin.Range?.SocNeededPct:0.0} %");
                }

                if (twin.Metrics().TryGetValue(TruckMetrics.SocMarginPct, out var margin))
                {
                    verdicts++;
                    minMargin = Math.Min(minMargin, margin);
                }
            };
            truck.AdvanceTo(startUtc.AddDays(2), []);
        }

        verdicts.Should().BeGreaterThan(12 * 2 * 8640 / 3, "the samples of two days of 12 trucks carry a range verdict but at chargers and on parked nights (a report every 30 min)");
        raised.Should().BeEmpty($"the smallest margin was {minMargin:0.0} %");
    }

    private static DomainSample ToDomain(SimSample s) => new(
        new DateTimeOffset(s.TimeUtc),
        s.OdometerKm, s.Lat, s.Lon, s.AltitudeM, s.SpeedKmh, s.SocPct, s.BatteryTempC, s.MotorTempC, s.InverterTempC,
        s.AmbientTempC, s.BatteryVoltageV, s.BatteryCurrentA, s.PowerKw, s.BrakePadMm, Ignition: s.Ignition);

    private sealed class SampleClock : TimeProvider
    {
        public DateTime Now { get; set; }

        public override DateTimeOffset GetUtcNow() => new(Now);
    }
}
