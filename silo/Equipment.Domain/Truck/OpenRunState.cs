namespace Equipment.Domain.Truck;

public sealed class OpenRunState
{
    public long RunId { get; set; }
    public DateTimeOffset Start { get; set; }
    public double? StartOdometerKm { get; set; }
    public double? LastOdometerKm { get; set; }
    public double AscentM { get; set; }
    public double DescentM { get; set; }

    /// <summary>Altitude at the last counted step of the ±hysteresis filter.</summary>
    public double? ReferenceAltitudeM { get; set; }

    public double? MaxAltitudeM { get; set; }
    public double EnergyKwh { get; set; }
    public double RegenKwh { get; set; }
    public double? MinSocPct { get; set; }
    public double? BatteryTempMinC { get; set; }
    public double? BatteryTempMaxC { get; set; }
    public double TimeAbove4000mS { get; set; }

    /// <summary>When the speed last dropped below the stop speed; null while moving.</summary>
    public DateTimeOffset? StoppedSince { get; set; }

    public DateTimeOffset LastAt { get; set; }
    public double? LastPowerKw { get; set; }
    public double? LastAltitudeM { get; set; }

    /// <summary>Low-passed altitude the dead band counts on.</summary>
    public double? FilteredAltitudeM { get; set; }

    public double AuxiliaryKwh { get; set; }
    public double? LastBatteryPowerKw { get; set; }
    public long MeasuredAltitudeSamples { get; set; }
    public long DerivedAltitudeSamples { get; set; }
}
