using Equipment.Simulator.Cli;
using Equipment.Simulator.Gbt32960;
using Equipment.Simulator.Running;

namespace Equipment.Simulator.Tests.Cli;

public class GbtOptionsTests
{
    [Fact]
    public void Parse_NoGbtOptions_AllTrucksStayOnHttp()
    {
        var o = OptionsParser.Parse([], _ => null);

        o.GbtShare.Should().Be(0);
        (o.GbtHost, o.GbtPort, o.GbtEdition, o.GbtFaultHours).Should().Be(("127.0.0.1", 32960, GbtEdition.V2016, 4.0));
    }

    [Fact]
    public void Parse_GbtOptions_AreApplied()
    {
        var o = OptionsParser.Parse(["--protocol", "gbt32960", "--gbt-endpoint", "10.0.0.5:4000", "--gbt-edition", "2025", "--gbt-faults", "0"], _ => null);

        o.GbtShare.Should().Be(1);
        (o.GbtHost, o.GbtPort, o.GbtEdition, o.GbtFaultHours).Should().Be(("10.0.0.5", 4000, GbtEdition.V2025, 0.0));
        OptionsParser.Parse(["--gbt-share", "0.5"], _ => null).GbtShare.Should().Be(0.5);
        OptionsParser.Parse(["--protocol", "gbt32960", "--protocol", "http"], _ => null).GbtShare.Should().Be(0);
    }

    [Theory]
    [InlineData("--protocol", "mqtt", "--protocol expects http or gbt32960")]
    [InlineData("--gbt-share", "1.5", "between 0 and 1")]
    [InlineData("--gbt-endpoint", "32960", "host:port")]
    [InlineData("--gbt-endpoint", "h:70000", "host:port")]
    [InlineData("--gbt-edition", "2020", "2016 or 2025")]
    [InlineData("--gbt-faults", "-1", ">= 0")]
    public void Parse_BadGbtOption_NamesTheOption(string option, string value, string message)
    {
        var act = () => OptionsParser.Parse([option, value], _ => null);

        act.Should().Throw<OptionsException>().WithMessage($"*{message}*");
    }

    [Fact]
    public void IsTbox_HalfOfTwelve_IsEverySecondTruck()
    {
        Enumerable.Range(0, 12).Where(i => SourceFactory.IsTbox(i, 0.5)).Should().Equal(1, 3, 5, 7, 9, 11);
        Enumerable.Range(0, 12).Count(i => SourceFactory.IsTbox(i, 1)).Should().Be(12);
        Enumerable.Range(0, 12).Count(i => SourceFactory.IsTbox(i, 0)).Should().Be(0);
        Enumerable.Range(0, 10).Count(i => SourceFactory.IsTbox(i, 0.3)).Should().Be(3);
    }
}
