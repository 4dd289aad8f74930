namespace Equipment.Telemetry.LineProtocol;

public enum ReadStatus : byte
{
    Line,
    End,
    Error,
}
