namespace Equipment.Domain.Truck;

public sealed class BrakeWearState
{
    /// <summary>Readings since the last pad change, at least <see cref="BrakeWearTracker.MinSpacingKm"/> apart, bounded.</summary>
    public List<BrakePadReading> Readings { get; set; } = [];

    public BrakePadReading? Latest { get; set; }
    public int PadChanges { get; set; }
}
