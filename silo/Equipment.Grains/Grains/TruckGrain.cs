using Equipment.Contracts.Grains;
using Equipment.Grains.Influx;

namespace Equipment.Grains.Grains;

public sealed class TruckGrain(ITelemetryWriter writer, TimeProvider time) : EquipmentGrain(writer, time), ITruckGrain
{
    protected override string Kind => "truck";
}
