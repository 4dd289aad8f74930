using System.Globalization;
using Equipment.Simulator.Core;

namespace Equipment.Simulator.Gbt32960;

/// <summary>A simulated T-Box's identity, deterministic from the run seed and the truck id.</summary>
public sealed record TboxIdentity(string Vin, string Iccid, IReadOnlyList<string> PackCodes)
{
    public static TboxIdentity For(int seed, string id)
    {
        var random = SeedDerivation.For(seed, "tbox-identity:" + id);

        // ICCID: 89 (telecom) 86 (China), 17 more digits, Luhn check digit = 20 digits.
        var digits = "8986" + string.Concat(Enumerable.Range(0, 15).Select(_ => random.Next(10).ToString(CultureInfo.InvariantCulture)));
        var iccid = digits + Luhn(digits);

        // One pack, coded in GB/T 34014's 24 characters (maker, type, spec, traceability, serial): shape only.
        var pack = "0SM" + "P" + "E" + "3" + string.Concat(Enumerable.Range(0, 18).Select(_ => VinCode.Alphabet[random.Next(VinCode.Alphabet.Length)]));
        return new TboxIdentity(VinCode.For(seed, id), iccid, [pack]);
    }

    private static char Luhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return (char)('0' + ((10 - (sum % 10)) % 10));
    }
}
