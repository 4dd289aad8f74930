namespace Equipment.Telemetry.Ingest;

public enum IngestOutcome : byte
{
    Accepted,
    Invalid,
    Forbidden,
}
