using Equipment.Domain.Alerts;
using Equipment.Domain.Tbm;
using Equipment.Domain.Truck;

namespace Equipment.Contracts.Messages;

/// <summary>
/// The body of <c>PUT /api/equipment/{id}</c>: a machine's kind, name, site or fleet, its parameters and any
/// alert-rule overrides for this machine. Also what the twin persists as its registration.
/// </summary>
[GenerateSerializer, Alias("equipment.EquipmentRegistration")]
public sealed class EquipmentRegistration
{
    [Id(0)]
    public string Kind { get; set; } = "";

    [Id(1)]
    public string? Name { get; set; }

    [Id(2)]
    public string? Site { get; set; }

    [Id(3)]
    public string? Fleet { get; set; }

    [Id(4)]
    public TbmParameters? Tbm { get; set; }

    [Id(5)]
    public TruckParameters? Truck { get; set; }

    [Id(6)]
    public List<AlertRuleOverride>? Rules { get; set; }
}
