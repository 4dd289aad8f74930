using Equipment.Contracts.Grains;
using Equipment.Grains.Influx;

namespace Equipment.Grains.Grains;

public sealed class TbmGrain(ITelemetryWriter writer, TimeProvider time) : EquipmentGrain(writer, time), ITbmGrain
{
    protected override string Kind => "tbm";
}
