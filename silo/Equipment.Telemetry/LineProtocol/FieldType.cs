namespace Equipment.Telemetry.LineProtocol;

/// <summary>The five value types of InfluxDB line protocol.</summary>
public enum FieldType : byte
{
    Float,
    Integer,
    UInteger,
    String,
    Boolean,
}
