using System.Diagnostics.Metrics;

namespace Equipment.Gateway.Metrics;

/// <summary>The GB/T 32960 T-Box listener's instruments, on the gateway's meter.</summary>
public sealed class GbtInstruments
{
    public const string ConnectionsName = "equipment.gateway.gbt.connections";
    public const string ConnectionsAcceptedName = "equipment.gateway.gbt.connections.accepted";
    public const string LoginsName = "equipment.gateway.gbt.logins";
    public const string RefusedName = "equipment.gateway.gbt.refused";
    public const string ReplacedName = "equipment.gateway.gbt.replaced";
    public const string FramesRealtimeName = "equipment.gateway.gbt.frames.realtime";
    public const string FramesResentName = "equipment.gateway.gbt.frames.resent";
    public const string BadFramesName = "equipment.gateway.gbt.frames.bad";
    public const string UndecryptableName = "equipment.gateway.gbt.frames.undecryptable";
    public const string BytesName = "equipment.gateway.gbt.received";
    public const string PointsName = "equipment.gateway.gbt.points";

    public GbtInstruments(Meter meter)
    {
        Connections = meter.CreateUpDownCounter<long>(ConnectionsName, "{connection}", "Open GB/T 32960 T-Box connections");
        ConnectionsAccepted = meter.CreateCounter<long>(ConnectionsAcceptedName, "{connection}", "T-Box connections accepted since start");
        Logins = meter.CreateCounter<long>(LoginsName, "{login}", "Vehicle and platform logins accepted");
        Refused = meter.CreateCounter<long>(RefusedName, "{login}", "Logins refused (unknown VIN, bad platform credentials) and connections over the limit");
        Replaced = meter.CreateCounter<long>(ReplacedName, "{connection}", "Connections closed because the same VIN connected again");
        FramesRealtime = meter.CreateCounter<long>(FramesRealtimeName, "{frame}", "Real-time frames (0x02) stored");
        FramesResent = meter.CreateCounter<long>(FramesResentName, "{frame}", "Re-sent frames (0x03) stored");
        BadFrames = meter.CreateCounter<long>(BadFramesName, "{frame}", "Frames failing their check, decoding or validation, or sent without a login; none stored");
        Undecryptable = meter.CreateCounter<long>(UndecryptableName, "{frame}", "Encrypted frames that could not be decrypted; none stored");
        Bytes = meter.CreateCounter<long>(BytesName, "By", "Bytes received from T-Boxes");
        Points = meter.CreateCounter<long>(PointsName, "{point}", "Points made from stored frames");
    }

    public UpDownCounter<long> Connections { get; }

    public Counter<long> ConnectionsAccepted { get; }

    public Counter<long> Logins { get; }

    public Counter<long> Refused { get; }

    public Counter<long> Replaced { get; }

    public Counter<long> FramesRealtime { get; }

    public Counter<long> FramesResent { get; }

    public Counter<long> BadFrames { get; }

    public Counter<long> Undecryptable { get; }

    public Counter<long> Bytes { get; }

    public Counter<long> Points { get; }
}
