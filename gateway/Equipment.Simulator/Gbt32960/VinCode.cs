namespace Equipment.Simulator.Gbt32960;

/// <summary>
/// Vehicle identification numbers as GB 16735 (= ISO 3779) defines them: 17 characters of digits and capitals
/// without I, O and Q; position 9 is the check digit (weights 8 7 6 5 4 3 2 10 0 9 8 7 6 5 4 3 2, sum mod 11, 10 = X).
/// </summary>
public static class VinCode
{
    public const int Length = 17;
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ";

    /// <summary>A WMI in the range China's manufacturers use (L…); "LSM" is not assigned to a real maker we know of.</summary>
    public const string SimulatorWmi = "LSM";

    private static readonly int[] Weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

    /// <summary>A deterministic VIN for machine <paramref name="id"/> of run seed <paramref name="seed"/>.</summary>
    public static string For(int seed, string id)
    {
        var random = Core.SeedDerivation.For(seed, "vin:" + id);
        var chars = new char[Length];
        SimulatorWmi.CopyTo(0, chars, 0, 3);

        // VDS (4–8), model year (10; no U, Z, 0 there, so take from a safe subset), plant (11), serial (12–17, digits).
        for (var i = 3; i < 8; i++)
        {
            chars[i] = Alphabet[random.Next(Alphabet.Length)];
        }

        const string years = "ABCDEFGHJKLMNPRSTVWXY123456789";
        chars[9] = years[random.Next(years.Length)];
        chars[10] = Alphabet[random.Next(10, Alphabet.Length)];
        for (var i = 11; i < Length; i++)
        {
            chars[i] = (char)('0' + random.Next(10));
        }

        chars[8] = '0';
        chars[8] = CheckDigit(new string(chars));
        return new string(chars);
    }

    public static bool IsValid(string vin) =>
        vin.Length == Length && vin.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) && CheckDigit(vin) == vin[8];

    public static char CheckDigit(string vin)
    {
        var sum = 0;
        for (var i = 0; i < Length; i++)
        {
            sum += Value(vin[i]) * Weights[i];
        }

        var r = sum % 11;
        return r == 10 ? 'X' : (char)('0' + r);
    }

    /// <summary>ISO 3779 transliteration: A–H 1–8, J–N 1–5, P 7, R 9, S–Z 2–9.</summary>
    private static int Value(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'H' => c - 'A' + 1,
        >= 'J' and <= 'N' => c - 'J' + 1,
        'P' => 7,
        'R' => 9,
        >= 'S' and <= 'Z' => c - 'S' + 2,
        _ => throw new ArgumentException($"'{c}' is not in the VIN alphabet (digits and capitals without I, O, Q)"),
    };
}
