using System.Globalization;
using System.Text;
using Equipment.Domain.Tbm;

namespace Equipment.Dashboard.Api;

/// <summary>The cutter plan as CSV: one row per position in the plan's order (due chainage), invariant culture, empty = unknown.</summary>
public static class CutterPlanCsv
{
    public const string Header =
        "position,class,radius_m,limit_mm,wear_mm,measured_at,inspections,replacements,wear_rate_mm_per_m,wear_rate_mm_per_km,chainage_at_limit_m,date_at_limit,due_before_stop,neighbour_median_mm_per_km,rate_to_neighbours,abnormal";

    public static string Write(CutterPlan plan)
    {
        var csv = new StringBuilder(Header).Append('\n');
        foreach (var r in plan.Positions)
        {
            csv.AppendJoin(',',
                r.Position.ToString(CultureInfo.InvariantCulture), r.Class, N(r.RadiusM), N(r.LimitMm), N(r.WearMm), T(r.MeasuredAt),
                r.Inspections.ToString(CultureInfo.InvariantCulture), r.Replacements.ToString(CultureInfo.InvariantCulture),
                N(r.WearRateMmPerM), N(r.WearRateMmPerKm), N(r.ChainageAtLimitM), T(r.DateAtLimit), r.DueBeforeStop ? "true" : "false",
                N(r.NeighbourMedianMmPerKm), N(r.RateToNeighbours), r.Abnormal ? "true" : "false").Append('\n');
        }

        return csv.ToString();
    }

    private static string N(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string T(DateTimeOffset? value) => value is { } t ? t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) : "";
}
