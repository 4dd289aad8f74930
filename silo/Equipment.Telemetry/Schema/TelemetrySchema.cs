using Equipment.Telemetry.LineProtocol;

namespace Equipment.Telemetry.Schema;

/// <summary>The telemetry schema of CONTRACTS.md: three measurements, the fields they interpret, and their types.</summary>
public static class TelemetrySchema
{
    public const string IdTag = "id";

    /// <summary>Equipment ids become grain keys and URL segments, so they are kept to a safe alphabet.</summary>
    public const int MaxIdLength = 64;

    public static MeasurementSchema Tbm { get; } = new("tbm", EquipmentKind.Tbm, "site", null,
    [
        F("chainage_m", "m"),
        new("stroke", FieldType.Integer, "count"),
        F("thrust_kn", "kN"),
        F("torque_knm", "kNm"),
        F("rpm", "1/min"),
        F("penetration_mm_rev", "mm/rev"),
        F("advance_mm_min", "mm/min"),
        F("gripper_pressure_bar", "bar"),
        F("main_bearing_temp_c", "°C"),
        F("gear_oil_temp_c", "°C"),
        F("hydraulic_oil_temp_c", "°C"),
        F("power_kw", "kW"),
        new("boring", FieldType.Boolean, "bool"),
        new("stop_reason", FieldType.Integer, "code"),
    ]);

    public static MeasurementSchema TbmCutter { get; } = new("tbm_cutter", EquipmentKind.Tbm, "site", "position",
    [
        F("wear_mm", "mm"),
        new("replaced", FieldType.Boolean, "bool"),
    ]);

    public static MeasurementSchema Truck { get; } = new("truck", EquipmentKind.Truck, "fleet", null,
    [
        F("odometer_km", "km"),
        F("lat", "°"),
        F("lon", "°"),
        F("altitude_m", "m"),
        F("speed_kmh", "km/h"),
        F("soc_pct", "%"),
        F("battery_temp_c", "°C"),
        F("motor_temp_c", "°C"),
        F("inverter_temp_c", "°C"),
        F("ambient_temp_c", "°C"),
        F("battery_voltage_v", "V"),
        F("battery_current_a", "A"),
        F("power_kw", "kW"),
        F("brake_pad_mm", "mm"),
        // GB/T 32960 T-Box fields (appended: the twin reads the fields above by index).
        F("insulation_kohm", "kΩ"),
        F("cell_voltage_max_v", "V"),
        F("cell_voltage_min_v", "V"),
        F("battery_temp_min_c", "°C"),
        new("alarm_level", FieldType.Integer, "level"),
        new("alarm_flags", FieldType.Integer, "bits"),
        new("ignition", FieldType.Boolean, "bool"),
        new("charging", FieldType.Integer, "code"),
    ]);

    /// <summary>
    /// Every cell voltage of a truck's battery subsystem: one point per subsystem per sample, fields <c>c001</c>… in mV
    /// (integers), so one cell is one field of one series. Stored, not interpreted by the twin.
    /// </summary>
    public static MeasurementSchema TruckCells { get; } = new("truck_cells", EquipmentKind.Truck, "fleet", "subsystem", []);

    /// <summary>Every probe temperature of a truck's battery subsystem: fields <c>t001</c>… in °C (integers).</summary>
    public static MeasurementSchema TruckProbes { get; } = new("truck_probes", EquipmentKind.Truck, "fleet", "subsystem", []);

    public static IReadOnlyList<MeasurementSchema> Measurements { get; } = [Tbm, TbmCutter, Truck, TruckCells, TruckProbes];

    public static MeasurementSchema? Find(ReadOnlySpan<byte> measurement)
    {
        foreach (var m in Measurements)
        {
            if (measurement.SequenceEqual(m.NameUtf8))
            {
                return m;
            }
        }

        return null;
    }

    /// <summary>Letters, digits, '-', '_', '.', ':'; 1 to 64 of them.</summary>
    public static bool IsValidId(ReadOnlySpan<byte> id)
    {
        if (id.IsEmpty || id.Length > MaxIdLength)
        {
            return false;
        }

        foreach (var c in id)
        {
            var ok = (uint)(c - 'a') <= 'z' - 'a' || (uint)(c - 'A') <= 'Z' - 'A' || (uint)(c - '0') <= 9 || c is (byte)'-' or (byte)'_' or (byte)'.' or (byte)':';
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsValidId(string id) => IsValidId(System.Text.Encoding.UTF8.GetBytes(id));

    private static FieldSchema F(string name, string unit) => new(name, FieldType.Float, unit);
}
