namespace Equipment.Grains.Influx;

/// <summary>The silo-wide path to InfluxDB: callers hand over lines and learn when they are stored.</summary>
public interface ITelemetryWriter
{
    /// <summary>Completes when InfluxDB has stored the lines; faults if they could not be stored in the retry budget.</summary>
    Task WriteAsync(ReadOnlyMemory<byte> lines, int points);
}
