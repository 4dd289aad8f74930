using System.Text.Json;
using System.Text.Json.Nodes;
using Equipment.Simulator.Core;
using Equipment.Simulator.Registry;
using Equipment.Simulator.Running;
using Equipment.Simulator.Tbm;
using Equipment.Simulator.Tests.Support;
using Xunit.Abstractions;
using DomainTbmParameters = Equipment.Domain.Tbm.TbmParameters;

namespace Equipment.Simulator.Tests.Tbm;

/// <summary>
/// The live TBMs look like a Ø 4–6 m mining TBM in Laizhou granite: statistics over simulated days pin the ranges
/// (≈ 30 cutters, 8–12 rpm, FPI 30–100, utilisation 30–50 %, 15–30 m/day, haulage/support/cutter-change delays, UTC+8).
/// </summary>
public class LaizhouTbmTests(ITestOutputHelper output)
{
    private static readonly TbmParameters M = TbmParameters.Laizhou;

    private sealed record Day(List<LineProtocolPoint> Tbm, List<LineProtocolPoint> Cutters, TbmSimulator Sim);

    private static Day Run(int seed, double days, double rateHz = 0.5)
    {
        var sim = new TbmSimulator("tbm-01", "gold-mine-1", M, Simulate.Epoch, rateHz, SeedDerivation.For(seed, "tbm-01"), 1200);
        var points = Simulate.Parse(Simulate.Run(sim, TimeSpan.FromDays(days)));
        return new Day(points.Where(p => p.Measurement == "tbm").ToList(), points.Where(p => p.Measurement == "tbm_cutter").ToList(), sim);
    }

    private static readonly Lazy<Day[]> ThreeDaysTwoSeeds = new(() => [Run(42, 3), Run(7, 3)]);

    [Fact]
    public void Laizhou_Machine_IsASmallMiningTbm()
    {
        M.CutterheadDiameterM.Should().BeInRange(4, 6);
        M.CutterCount.Should().BeInRange(26, 34);
        M.SiteTimeZone.Should().Be("Asia/Shanghai");
    }

    [Fact]
    public void Run_ThreeDays_RpmFpiUtilisationAndAdvancePerDayInRange()
    {
        foreach (var day in ThreeDaysTwoSeeds.Value)
        {
            var cutting = day.Tbm.Where(p => p.Bool("boring") && p.Double("rpm") > 1 && p.Double("penetration_mm_rev") > 1).ToList();
            cutting.Should().OnlyContain(p => p.Double("rpm") >= 8 && p.Double("rpm") <= 12, "operators run 8–12 rpm");

            var fpi = cutting.Select(p => p.Double("thrust_kn") / M.CutterCount / p.Double("penetration_mm_rev")).Order().ToList();
            output.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"rpm {cutting.Min(p => p.Double("rpm")):0.0}–{cutting.Max(p => p.Double("rpm")):0.0}; FPI p5 {fpi[(int)(0.05 * fpi.Count)]:0} median {fpi[fpi.Count / 2]:0} p95 {fpi[(int)(0.95 * fpi.Count)]:0}"));
            fpi[(int)(0.05 * fpi.Count)].Should().BeGreaterThan(30, "5th percentile of FPI");
            fpi[(int)(0.95 * fpi.Count)].Should().BeLessThan(100, "95th percentile of FPI");

            var perDay = day.Tbm.Where(p => p.Time < Simulate.Epoch.AddDays(3)).GroupBy(p => p.Time.Date).ToList();
            perDay.Should().HaveCount(3);
            foreach (var d in perDay)
            {
                var boringShare = d.Count(p => p.Bool("boring") && p.Double("rpm") > 1) / (double)d.Count();
                boringShare.Should().BeInRange(0.30, 0.50, $"utilisation on {d.Key:yyyy-MM-dd}");
                var advance = d.Max(p => p.Double("chainage_m")) - d.Min(p => p.Double("chainage_m"));
                output.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{d.Key:yyyy-MM-dd}: boring {boringShare:P0}, advance {advance:0.0} m"));
                advance.Should().BeInRange(15, 30, $"advance on {d.Key:yyyy-MM-dd}");
            }
        }
    }

    [Fact]
    public void Run_ThreeDays_HaulageRockSupportAndCutterChangeDelaysOccur()
    {
        foreach (var day in ThreeDaysTwoSeeds.Value)
        {
            var phases = day.Sim.PhaseSeconds;
            var total = phases.Values.Sum();
            output.WriteLine(string.Join(", ", phases.OrderBy(p => p.Key).Select(p => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{p.Key} {p.Value / total:P0}"))));
            (phases.GetValueOrDefault(TbmPhase.Haulage) / total).Should().BeInRange(0.15, 0.40, "waiting for the muck train dominates");
            phases.GetValueOrDefault(TbmPhase.RockSupport).Should().BePositive();
            phases.GetValueOrDefault(TbmPhase.CutterChange).Should().BePositive();
            day.Cutters.Should().Contain(p => p.Bool("replaced"));
        }
    }

    [Fact]
    public void Run_ThreeDays_StandingMachineReportsStopReasonsOfItsDelays()
    {
        foreach (var day in ThreeDaysTwoSeeds.Value)
        {
            day.Tbm.Where(p => p.Bool("boring")).Should().OnlyContain(p => !p.Fields.ContainsKey("stop_reason"), "absent while boring");
            var codes = day.Tbm.Where(p => p.Fields.ContainsKey("stop_reason")).Select(p => p.Integer("stop_reason")).ToHashSet();
            codes.Should().Contain([1, 2, 3, 4], "cutter change, rock support, haulage and the maintenance stop");
            codes.Should().OnlyContain(c => c >= 1 && c <= 7);

            // The daily maintenance stop, 06:00–09:00 Shanghai = 22:00–01:00 UTC, is reported as maintenance (4).
            day.Tbm.Where(p => p.Time.TimeOfDay >= TimeSpan.FromHours(22.1) || p.Time.TimeOfDay < TimeSpan.FromHours(0.9))
                .Should().NotBeEmpty().And.OnlyContain(p => p.Integer("stop_reason") == 4);
        }
    }

    [Fact]
    public void Run_OneDay_MaintenanceStopAtSixLocalChinaTime()
    {
        // 06:00–09:00 Asia/Shanghai = 22:00–01:00 UTC: never boring then; the inspection is stamped 22:00 UTC. Between
        // 06:30 and 09:00 UTC (14:30–17:00 local, after the handover) it does bore: the plan is not on UTC.
        var day = ThreeDaysTwoSeeds.Value[0];
        var maintenance = day.Tbm.Where(p => p.Time.TimeOfDay >= TimeSpan.FromHours(22) || p.Time.TimeOfDay < TimeSpan.FromHours(1)).ToList();
        var utcMorning = day.Tbm.Where(p => p.Time.TimeOfDay >= TimeSpan.FromHours(6.5) && p.Time.TimeOfDay < TimeSpan.FromHours(9)).ToList();

        maintenance.Should().NotBeEmpty().And.OnlyContain(p => !p.Bool("boring"));
        utcMorning.Should().Contain(p => p.Bool("boring"));
        day.Cutters.Where(p => !p.Bool("replaced")).Select(p => p.Time.TimeOfDay).Distinct()
            .Should().Contain(TimeSpan.FromHours(22), "the maintenance inspection at 06:00 local");
    }

    [Fact]
    public void Registration_LiveTbm_CarriesTheLimitsTheSimulatorChangesCuttersAt()
    {
        var tbm = SourceFactory.LiveTbms(1, 42, Simulate.Epoch, 1)[0];
        var registration = SourceFactory.Registrations([tbm], []).Single();
        var body = JsonNode.Parse(registration.JsonBody)!["tbm"]!;

        // Read the body as the platform binds it (web JSON defaults) and compare position by position.
        var platform = body.Deserialize<DomainTbmParameters>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

        platform.Validate().Should().BeEmpty();
        platform.SiteTimeZone.Should().Be("Asia/Shanghai");
        platform.CutterCount.Should().Be(31);
        for (var position = 1; position <= tbm.Machine.CutterCount; position++)
            platform.WearLimitMmAt(position).Should().Be(tbm.Cutters.LimitMm(position), $"position {position}");
        (platform.CutterWearLimitMm.Centre, platform.CutterWearLimitMm.Face, platform.CutterWearLimitMm.Gauge).Should().Be((18.0, 20.0, 12.0));
    }
}
