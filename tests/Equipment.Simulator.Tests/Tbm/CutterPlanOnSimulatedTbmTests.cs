using System.Text.Json;
using System.Text.Json.Nodes;
using Equipment.Domain.Tbm;
using Equipment.Domain.Telemetry;
using Equipment.Simulator.Running;
using Equipment.Simulator.Tests.Support;
using DomainTbmParameters = Equipment.Domain.Tbm.TbmParameters;

namespace Equipment.Simulator.Tests.Tbm;

/// <summary>The live simulated TBM fed into the platform's own twin: its cutter plan must find the blocked discs, and only them.</summary>
public class CutterPlanOnSimulatedTbmTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Theory]
    [InlineData(42)]
    [InlineData(7)]
    public void CutterPlan_OneSimulatedDay_FlagsTheTwoBlockedDiscsAndListsDuePositions(int seed)
    {
        var sim = SourceFactory.LiveTbms(1, seed, Simulate.Epoch, 0.5)[0];
        var body = JsonNode.Parse(SourceFactory.Registrations([sim], []).Single().JsonBody)!["tbm"]!;
        var parameters = body.Deserialize<DomainTbmParameters>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        var twin = new TbmTwin(sim.Id, parameters, TimeProvider.System);

        foreach (var p in Simulate.Parse(Simulate.Run(sim, TimeSpan.FromDays(1))))
        {
            var at = new DateTimeOffset(p.Time, TimeSpan.Zero);
            if (p.Measurement == "tbm")
            {
                twin.Apply(new TbmSample(at, ChainageM: p.Double("chainage_m"), Rpm: p.Double("rpm"), Boring: p.Bool("boring")));
            }
            else
            {
                twin.Apply(new CutterSample(at, int.Parse(p.Tags["position"], System.Globalization.CultureInfo.InvariantCulture), p.Double("wear_mm"), p.Bool("replaced")));
            }
        }

        var plan = twin.CutterPlan();

        sim.Cutters.BlockedPositions.Should().Equal(14, 20);
        plan.AbnormalPositions.Should().Equal([14, 20], "a day of sensor readings shows both blocked discs wearing 3× as fast as their ring, and no healthy one");
        plan.StopChainageM.Should().Be(body["nextMaintenanceStop"]!["chainageM"]!.GetValue<double>(), "the registered next stop");
        output.WriteLine($"seed {seed}: abnormal [{string.Join(", ", plan.AbnormalPositions)}], due [{string.Join(", ", plan.Due)}], ratios 14: {plan.Positions.Single(r => r.Position == 14).RateToNeighbours:F2}, 20: {plan.Positions.Single(r => r.Position == 20).RateToNeighbours:F2}, highest other {plan.Positions.Where(r => r.Position is not (14 or 20)).Max(r => r.RateToNeighbours ?? 0):F2}");
        plan.PaceMPerDay.Should().BeInRange(10, 35, "the Laizhou drive makes 15–30 m a day");
        plan.Positions.Should().OnlyContain(r => r.Inspections >= 1);
        plan.Positions.Where(r => r.WearRateMmPerM is not null).Should().HaveCountGreaterThan(25, "every position has a rate after a day of readings");
    }
}
