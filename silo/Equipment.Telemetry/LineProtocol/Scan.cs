namespace Equipment.Telemetry.LineProtocol;

/// <summary>Escape-aware scanning shared by the readers: a backslash always takes the next byte with it, as in InfluxDB.</summary>
internal static class Scan
{
    /// <summary>Index of the first unescaped <paramref name="stop"/>, or the length when there is none.</summary>
    public static int To(ReadOnlySpan<byte> s, byte stop)
    {
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == (byte)'\\')
            {
                i += 2;
                continue;
            }

            if (c == stop)
            {
                return i;
            }

            i++;
        }

        return s.Length;
    }

    /// <summary>Index just past a field value starting at <paramref name="start"/>: quoted strings may hold commas and spaces.</summary>
    public static int FieldValueEnd(ReadOnlySpan<byte> s, int start)
    {
        var i = start;
        if (i < s.Length && s[i] == (byte)'"')
        {
            i++;
            while (i < s.Length)
            {
                var c = s[i];
                if (c == (byte)'\\')
                {
                    i += 2;
                    continue;
                }

                if (c == (byte)'"')
                {
                    return i + 1;
                }

                i++;
            }

            return -1;
        }

        while (i < s.Length && s[i] != (byte)',' && s[i] != (byte)' ')
        {
            i++;
        }

        return i;
    }
}
