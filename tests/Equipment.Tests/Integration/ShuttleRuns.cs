using System.Globalization;
using Equipment.Domain.Routes;

namespace Equipment.Tests.Integration;

/// <summary>
/// A truck shuttling on the G318 from km <see cref="FirstKm"/>: the first half of the closed runs go out 5 km each, the
/// rest come back 5 km each, then one more sets off outwards and stays open. Each run: 5 min at 60 km/h (a line every
/// 10 s) at a steady traction power, then standing with a line a minute until 10 min after it stopped, which closes
/// it; the next sets off 17 min after the last. The odometer only grows, whichever way the truck goes.
/// </summary>
public static class ShuttleRuns
{
    public const double FirstKm = 2530;

    /// <summary>The odometer at <see cref="FirstKm"/>, for the registration's <c>routeStartOdometerKm</c>.</summary>
    public const double FirstOdometerKm = 20_000;

    /// <summary>When run <paramref name="n"/> (from 1) sets off; it stops 360 s later, its end.</summary>
    public static DateTimeOffset Start(DateTimeOffset t0, int n) => t0.AddMinutes(17 * (n - 1));

    public static DateTimeOffset End(DateTimeOffset t0, int n) => Start(t0, n).AddSeconds(360);

    /// <summary>Route km of run <paramref name="n"/> <paramref name="s"/> seconds after it set off (0–300).</summary>
    public static double Km(int closed, int n, int s)
    {
        var outward = (closed + 1) / 2;
        return n <= outward ? FirstKm + (5 * (n - 1)) + (s / 60.0)
            : n <= closed ? FirstKm + (5 * outward) - (5 * (n - outward - 1)) - (s / 60.0)
            : FirstKm + (5 * outward) - (5 * (closed - outward)) + (s / 60.0);
    }

    /// <summary>
    /// <paramref name="closed"/> closed runs and an open one of 3 min. Energy of a closed run: power × 300 s plus the
    /// trapezoid down to 0 kW over the minute to the first standing line (power × 30 s).
    /// </summary>
    public static List<string> Lines(string id, string fleet, DateTimeOffset t0, int closed, double powerKw)
    {
        var lines = new List<string>();
        var odometer = FirstOdometerKm;
        for (var n = 1; n <= closed + 1; n++)
        {
            var start = Start(t0, n);
            for (var s = 0; s <= (n <= closed ? 300 : 180); s += 10)
            {
                lines.Add(Line(id, fleet, start.AddSeconds(s), odometer + (s / 60.0), Km(closed, n, s), 60, powerKw));
            }

            odometer += 5;
            if (n > closed) break;
            for (var s = 360; s <= 960; s += 60)
            {
                lines.Add(Line(id, fleet, start.AddSeconds(s), odometer, Km(closed, n, 300), 0, 0));
            }
        }

        return lines;
    }

    private static string Line(string id, string fleet, DateTimeOffset t, double odometer, double km, double speed, double powerKw)
    {
        var w = KnownRoutes.G318.Waypoints;
        var i = KnownRoutes.G318.SegmentIndex(km);
        var f = Math.Clamp((km - w[i].Km) / (w[i + 1].Km - w[i].Km), 0, 1);
        var lat = w[i].Lat!.Value + (f * (w[i + 1].Lat!.Value - w[i].Lat!.Value));
        var lon = w[i].Lon!.Value + (f * (w[i + 1].Lon!.Value - w[i].Lon!.Value));
        return string.Create(CultureInfo.InvariantCulture,
            $"truck,id={id},fleet={fleet} odometer_km={odometer:F3},lat={lat:F6},lon={lon:F6},speed_kmh={speed:F1},soc_pct=80,power_kw={powerKw},ignition=true {t.ToUnixTimeMilliseconds()}");
    }
}
