using System.Text;

namespace Equipment.Fuzz.Tests.Support;

/// <summary>
/// Damages a valid body the ways devices and networks do: byte flips, insertions, deletions, truncations,
/// duplicated or removed separators, stray escapes, long backslash runs, non-finite numbers, duplicate fields,
/// broken UTF-8. Deterministic for a given <see cref="Random"/>.
/// </summary>
public sealed class Mutator(Random random)
{
    private static readonly byte[] Interesting = "\\,= \"\n\r\t#iu.-eE0123456789tf"u8.ToArray();

    private static readonly string[] Tokens =
    [
        "NaN", "Inf", "-Inf", "+Inf", "inf", "Infinity", "1e309", "-1e400", "nan", "1e", "--1", "1..2", "0x10", "1_0",
        "9223372036854775808i", "-9223372036854775809i", "18446744073709551616u", "9223372036854775808u", "-1u", "\"", "\\",
        "=", ",", " ", "time", "\"unterminated", "T", "tru", "falsey", "99999999999999999999", "-9223372036854775808",
    ];

    public byte[] Mutate(byte[] body, int rounds)
    {
        var bytes = new List<byte>(body);
        for (var r = 0; r < rounds; r++)
        {
            MutateOnce(bytes);
        }

        return [.. bytes];
    }

    private void MutateOnce(List<byte> b)
    {
        var at = b.Count == 0 ? 0 : random.Next(b.Count);
        switch (random.Next(13))
        {
            case 0 when b.Count > 0:
                b[at] = (byte)random.Next(256);
                break;
            case 1 when b.Count > 0:
                b[at] ^= (byte)(1 << random.Next(8));
                break;
            case 2:
                b.Insert(at, Interesting[random.Next(Interesting.Length)]);
                break;
            case 3 when b.Count > 0:
                b.RemoveRange(at, Math.Min(b.Count - at, random.Next(1, 4)));
                break;
            case 4:
                b.RemoveRange(at, b.Count - at);
                break;
            case 5:
                DuplicateOrRemoveSeparator(b, duplicate: true);
                break;
            case 6:
                DuplicateOrRemoveSeparator(b, duplicate: false);
                break;
            case 7:
                b.InsertRange(at, Enumerable.Repeat((byte)'\\', random.Next(1, 2000)));
                break;
            case 8:
                ReplaceValue(b, Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)]));
                break;
            case 9:
                DuplicateField(b);
                break;
            case 10:
                b.InsertRange(at, random.Next(4) switch
                {
                    0 => [0xff],
                    1 => [0xc3],
                    2 => [0xed, 0xa0, 0x80],
                    _ => [0xf4, 0x90, 0x80, 0x80],
                });
                break;
            case 11:
                b.Insert(at, (byte)'\\');
                break;
            default:
                if (b.Count > 0)
                {
                    var len = Math.Min(b.Count - at, random.Next(1, 40));
                    b.InsertRange(random.Next(b.Count), b.GetRange(at, len));
                }

                break;
        }
    }

    private void DuplicateOrRemoveSeparator(List<byte> b, bool duplicate)
    {
        var positions = new List<int>();
        for (var i = 0; i < b.Count; i++)
        {
            if (b[i] is (byte)',' or (byte)' ' or (byte)'=' or (byte)'\n' or (byte)'"')
            {
                positions.Add(i);
            }
        }

        if (positions.Count == 0)
        {
            return;
        }

        var p = positions[random.Next(positions.Count)];
        if (duplicate)
        {
            b.Insert(p, b[p]);
        }
        else
        {
            b.RemoveAt(p);
        }
    }

    private void ReplaceValue(List<byte> b, byte[] token)
    {
        var equals = b.FindAll(x => x == (byte)'=').Count;
        if (equals == 0)
        {
            b.AddRange(token);
            return;
        }

        var nth = random.Next(equals);
        var start = -1;
        for (var i = 0; i < b.Count; i++)
        {
            if (b[i] == (byte)'=' && nth-- == 0)
            {
                start = i + 1;
                break;
            }
        }

        var end = start;
        while (end < b.Count && b[end] is not ((byte)',' or (byte)' ' or (byte)'\n'))
        {
            end++;
        }

        b.RemoveRange(start, end - start);
        b.InsertRange(start, token);
    }

    private void DuplicateField(List<byte> b)
    {
        // Copies "key=value," found after the first space of a random line to just after itself.
        var space = b.IndexOf((byte)' ', b.Count == 0 ? 0 : random.Next(b.Count));
        if (space < 0)
        {
            return;
        }

        var end = space + 1;
        while (end < b.Count && b[end] is not ((byte)',' or (byte)' ' or (byte)'\n'))
        {
            end++;
        }

        var field = b.GetRange(space + 1, end - space - 1);
        field.Add((byte)',');
        b.InsertRange(space + 1, field);
    }
}
