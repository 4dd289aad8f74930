using Equipment.Simulator.Gbt32960;

namespace Equipment.Simulator.Tests.Gbt32960;

public class VinCodeTests
{
    [Fact]
    public void CheckDigit_TextbookExample_IsX()
    {
        // The usual ISO 3779 worked example: 1M8GDM9A?KP042788, weighted sum 351, 351 mod 11 = 10 → X.
        VinCode.CheckDigit("1M8GDM9A0KP042788").Should().Be('X');
        VinCode.IsValid("1M8GDM9AXKP042788").Should().BeTrue();
        VinCode.IsValid("1M8GDM9A1KP042788").Should().BeFalse();
    }

    [Fact]
    public void For_SameSeedAndId_GivesTheSameValidVin()
    {
        var vins = Enumerable.Range(1, 200).Select(i => VinCode.For(42, $"truck-{i:00}")).ToList();

        vins.Should().OnlyContain(v => VinCode.IsValid(v) && v.StartsWith(VinCode.SimulatorWmi, StringComparison.Ordinal));
        vins.Should().OnlyContain(v => !v.Contains('I') && !v.Contains('O') && !v.Contains('Q'));
        vins.Should().OnlyHaveUniqueItems();
        VinCode.For(42, "truck-01").Should().Be(vins[0]);
        VinCode.For(43, "truck-01").Should().NotBe(vins[0]);
    }

    [Fact]
    public void Identity_Iccid_Is20DigitsWithALuhnCheck()
    {
        var iccid = TboxIdentity.For(42, "truck-02").Iccid;

        iccid.Should().HaveLength(20).And.MatchRegex("^8986[0-9]{16}$");
        var sum = iccid.Reverse().Select((c, i) => i % 2 == 1 ? ((c - '0') * 2 > 9 ? ((c - '0') * 2) - 9 : (c - '0') * 2) : c - '0').Sum();
        (sum % 10).Should().Be(0);
    }
}
