namespace Equipment.Domain.Routes;

/// <summary>A continuous rise of the profile: from a low point (or the current position) to the next high point.</summary>
public sealed record RouteClimb(double StartKm, double EndKm, double StartAltitudeM, double EndAltitudeM, string TopName)
{
    public double GainM => EndAltitudeM - StartAltitudeM;
    /// <summary>Road length of the climb, km (positive in either direction of travel).</summary>
    public double LengthKm => Math.Abs(EndKm - StartKm);

    /// <summary>Mean grade, %.</summary>
    public double MeanGradePct => GainM / (LengthKm * 1000.0) * 100.0;
}
