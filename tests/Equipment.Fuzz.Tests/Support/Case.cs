using System.Text;

namespace Equipment.Fuzz.Tests.Support;

/// <summary>Describes one generated input so a failure message is enough to reproduce it.</summary>
public static class Case
{
    public static string Describe(int seed, int index, ReadOnlySpan<byte> body)
    {
        var shown = body.Length <= 600 ? body : body[..600];
        return $"seed {seed}, case {index}, {body.Length} bytes, body (base64{(body.Length > 600 ? ", first 600 bytes" : "")}) {Convert.ToBase64String(shown)} = \"{Printable(shown)}\"";
    }

    private static string Printable(ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            sb.Append(b switch
            {
                (byte)'\n' => "\\n",
                (byte)'\r' => "\\r",
                (byte)'\t' => "\\t",
                < 0x20 or >= 0x7f => $"\\x{b:x2}",
                _ => ((char)b).ToString(),
            });
        }

        return sb.ToString();
    }
}
