namespace Equipment.Telemetry.LineProtocol;

/// <summary>Why a line was refused, with its 1-based number in the request body.</summary>
public readonly record struct LineProtocolError(int Line, string Reason)
{
    public string Message => $"line {Line}: {Reason}";

    public override string ToString() => Message;
}
