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

    /// <summary>A truck's vehicle identification number (17 characters of GB 16735): its identity on the GB/T 32960 listener.</summary>
    [Id(7)]
    public string? Vin { get; set; }

    /// <summary>The truck's 16-byte GB/T 32960 data-unit key (32 hex digits) for AES-128 / SM4 encrypted frames.</summary>
    [Id(8)]
    public string? Gbt32960Key { get; set; }
}
