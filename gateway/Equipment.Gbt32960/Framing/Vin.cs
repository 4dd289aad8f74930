namespace Equipment.Gbt32960.Framing;

/// <summary>Vehicle identification numbers: 17 characters of GB 16735 (ISO 3779), digits and capitals without I, O and Q.</summary>
public static class Vin
{
    public const int Length = 17;

    public static bool IsValid(string? vin)
    {
        if (vin is null || vin.Length != Length)
        {
            return false;
        }

        foreach (var c in vin)
        {
            if (!(char.IsAsciiDigit(c) || (char.IsAsciiLetterUpper(c) && c is not ('I' or 'O' or 'Q'))))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The VIN field as text; bytes outside printable ASCII become '?' so logs and replies stay safe.</summary>
    public static string FromBytes(ReadOnlySpan<byte> bytes)
    {
        Span<char> chars = stackalloc char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[i] = bytes[i] is >= 0x20 and < 0x7F ? (char)bytes[i] : '?';
        }

        return new string(chars);
    }
}
