namespace Equipment.Gbt32960.Framing;

/// <summary>One checked frame: header fields and its data unit as sent (still encrypted when <see cref="Encryption"/> says so).</summary>
public sealed record Frame(Edition Edition, byte Command, byte Ack, string Vin, byte Encryption, byte[] Data)
{
    /// <summary>Bytes of the whole frame on the wire (start, header, data, BCC).</summary>
    public int WireLength => FrameLayout.HeaderBytes + Data.Length + 1;

    public bool IsCommand => Ack == AckFlag.Command;
}
