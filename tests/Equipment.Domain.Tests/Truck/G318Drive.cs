using Equipment.Domain.Routes;
using Equipment.Domain.Telemetry;

namespace Equipment.Domain.Tests.Truck;

/// <summary>Field-shaped truck samples along G318: positions on the route line with GNSS noise, seeded.</summary>
internal static class G318Drive
{
    public static (double Lat, double Lon) PositionAt(double km)
    {
        var w = KnownRoutes.G318.Waypoints;
        var i = KnownRoutes.G318.SegmentIndex(km);
        var f = Math.Clamp((km - w[i].Km) / (w[i + 1].Km - w[i].Km), 0, 1);
        return (w[i].Lat!.Value + f * (w[i + 1].Lat!.Value - w[i].Lat!.Value), w[i].Lon!.Value + f * (w[i + 1].Lon!.Value - w[i].Lon!.Value));
    }

    /// <summary>GNSS vertical error: AR(1) with correlation time <paramref name="tauS"/> and stationary σ (white when tauS ≤ 0).</summary>
    public static Func<double, double> VerticalError(Random random, double sigma, double tauS, double stepS)
    {
        var e = 0.0;
        var keep = tauS > 0 ? Math.Exp(-stepS / tauS) : 0;
        return _ => e = (e * keep) + Gaussian(random, sigma * Math.Sqrt(1 - (keep * keep)));
    }

    public static double Gaussian(Random random, double sigma) =>
        sigma * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>
    /// One sample every <paramref name="stepS"/> s driving at <paramref name="speedKmh"/> from one route km to another
    /// (either way). The odometer reads <paramref name="odometerScale"/> × the true distance (drift); GNSS horizontal noise
    /// σ ≈ 5 m; altitude (when <paramref name="altitudeSigmaM"/> is not null) = profile + Gaussian noise.
    /// </summary>
    public static IEnumerable<TruckSample> Leg(DateTimeOffset start, double fromKm, double toKm, double odometerStart, Random random,
        double speedKmh = 60, double stepS = 10, double odometerScale = 1.0, double? altitudeSigmaM = null, bool withPosition = true, double soc = 90,
        double altitudeNoiseTauS = 0)
    {
        var noise = VerticalError(random, altitudeSigmaM ?? 0, altitudeNoiseTauS, stepS);
        var direction = Math.Sign(toKm - fromKm);
        var length = Math.Abs(toKm - fromKm);
        var steps = (int)Math.Ceiling(length / (speedKmh * stepS / 3600));
        for (var k = 0; k <= steps; k++)
        {
            var driven = Math.Min(length, k * speedKmh * stepS / 3600);
            var km = fromKm + direction * driven;
            var (lat, lon) = PositionAt(km);
            yield return new TruckSample(
                start.AddSeconds(k * stepS),
                OdometerKm: odometerStart + driven * odometerScale,
                Lat: withPosition ? lat + Gaussian(random, 4.5e-5) : null,
                Lon: withPosition ? lon + Gaussian(random, 5e-5) : null,
                AltitudeM: altitudeSigmaM is not null ? KnownRoutes.G318.AltitudeAt(km) + noise(km) : null,
                SpeedKmh: speedKmh,
                SocPct: soc,
                PowerKw: 20);
        }
    }
}
