namespace Equipment.Telemetry.Schema;

public enum EquipmentKind : byte
{
    Tbm,
    Truck,
}
