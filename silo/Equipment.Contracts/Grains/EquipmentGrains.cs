using Equipment.Contracts.Messages;
using Equipment.Telemetry.Schema;

namespace Equipment.Contracts.Grains;

/// <summary>Routes a batch to the grain interface of its equipment kind.</summary>
public static class EquipmentGrains
{
    public static IEquipmentGrain Get(IGrainFactory grains, EquipmentKind kind, string id) => kind switch
    {
        EquipmentKind.Tbm => grains.GetGrain<ITbmGrain>(id),
        _ => grains.GetGrain<ITruckGrain>(id),
    };

    public static IEquipmentGrain? Get(IGrainFactory grains, EquipmentEntry entry) => entry.Kind switch
    {
        "tbm" => grains.GetGrain<ITbmGrain>(entry.Id),
        "truck" => grains.GetGrain<ITruckGrain>(entry.Id),
        _ => null,
    };

    public static string Name(EquipmentKind kind) => kind == EquipmentKind.Tbm ? "tbm" : "truck";
}
