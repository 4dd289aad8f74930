namespace Equipment.Domain.Truck;

/// <summary>
/// Brake-pad wear rate = −slope of a least-squares line through thickness over odometer since the last pad change
/// (readings thinned to one per <see cref="MinSpacingKm"/>, at most <see cref="MaxReadings"/>, oldest thinned first),
/// so single noisy readings do not swing the projection. A rise of more than <see cref="PadChangeRiseMm"/> is a pad change.
/// Projection: km to minimum = (thickness − minimum) / rate.
/// </summary>
public sealed class BrakeWearTracker(double minimumMm, BrakeWearState? state = null)
{
    public const double MinSpacingKm = 5.0;
    public const int MaxReadings = 12;
    public const double PadChangeRiseMm = 1.0;

    public BrakeWearState State { get; } = state ?? new BrakeWearState();

    public void Apply(double odometerKm, double thicknessMm)
    {
        var s = State;
        if (s.Latest is { } latest && thicknessMm - latest.ThicknessMm > PadChangeRiseMm)
        {
            s.Readings.Clear();
            s.PadChanges++;
        }

        var reading = new BrakePadReading(odometerKm, thicknessMm);
        s.Latest = reading;
        if (s.Readings.Count > 0 && odometerKm - s.Readings[^1].OdometerKm < MinSpacingKm) return;
        s.Readings.Add(reading);
        if (s.Readings.Count > MaxReadings)
        {
            // Dropping every other of the older half keeps the long baseline while bounding memory.
            var older = s.Readings.Count / 2;
            for (var i = older - 1; i > 0; i -= 2) s.Readings.RemoveAt(i);
        }
    }

    public BrakeWear Report()
    {
        var s = State;
        var thickness = s.Latest?.ThicknessMm;
        var points = new List<BrakePadReading>(s.Readings);
        if (s.Latest is { } l && (points.Count == 0 || points[^1] != l)) points.Add(l);
        if (points.Count < 2) return new BrakeWear(thickness, null, null, null, s.PadChanges);
        var meanX = points.Average(p => p.OdometerKm);
        var meanY = points.Average(p => p.ThicknessMm);
        var sxx = points.Sum(p => (p.OdometerKm - meanX) * (p.OdometerKm - meanX));
        if (sxx <= 0) return new BrakeWear(thickness, null, null, null, s.PadChanges);
        var slope = points.Sum(p => (p.OdometerKm - meanX) * (p.ThicknessMm - meanY)) / sxx;
        var ratePer1000 = -slope * 1000.0;
        if (!(ratePer1000 > 0)) return new BrakeWear(thickness, ratePer1000, null, null, s.PadChanges);
        var kmToMin = Math.Max(0, (thickness!.Value - minimumMm) / -slope);
        return new BrakeWear(thickness, ratePer1000, kmToMin, s.Latest!.Value.OdometerKm + kmToMin, s.PadChanges);
    }
}
