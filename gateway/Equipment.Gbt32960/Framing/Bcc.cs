namespace Equipment.Gbt32960.Framing;

/// <summary>The block check character: XOR of every byte from the command (offset 2) to the end of the data unit.</summary>
public static class Bcc
{
    public static byte Compute(ReadOnlySpan<byte> bytes)
    {
        byte x = 0;
        foreach (var b in bytes)
        {
            x ^= b;
        }

        return x;
    }
}
