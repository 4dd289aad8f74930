using Equipment.Simulator.Cli;

namespace Equipment.Simulator.Tests.Cli;

public class OptionsParserTests
{
    [Fact]
    public void Parse_NoArguments_UsesDocumentedDefaults()
    {
        var o = OptionsParser.Parse([], _ => null);

        o.Mode.Should().Be(SimulatorMode.Live);
        o.Tbms.Should().Be(4);
        o.Trucks.Should().Be(12);
        o.RateHz.Should().Be(1);
        o.Acceleration.Should().Be(1);
        o.DurationSeconds.Should().BeNull();
        o.Seed.Should().Be(42);
        o.Url.Should().Be("http://127.0.0.1:5080");
        o.DashboardUrl.Should().Be("http://127.0.0.1:5090");
        o.Org.Should().Be("equipment");
        o.Bucket.Should().Be("equipment");
        o.Start.Should().BeNull();
        o.Token.Should().BeNull();
        o.Quiet.Should().BeFalse();
    }

    [Fact]
    public void Parse_EveryOption_IsApplied()
    {
        var o = OptionsParser.Parse(
            ["replay", "--tbms", "2", "--trucks", "0", "--rate", "0.5", "--accel", "60", "--duration", "30", "--seed", "7",
             "--url", "http://127.0.0.1:9000/", "--token", "T", "--dashboard", "http://127.0.0.1:9001", "--start",
             "2026-03-01T12:00:00Z", "--route", "r.csv", "--strokes", "d", "--batch", "100", "--quiet"],
            _ => "ENV");

        o.Should().BeEquivalentTo(new SimulatorOptions
        {
            Mode = SimulatorMode.Replay, Tbms = 2, Trucks = 0, RateHz = 0.5, Acceleration = 60, DurationSeconds = 30, Seed = 7,
            Url = "http://127.0.0.1:9000", Token = "T", DashboardUrl = "http://127.0.0.1:9001",
            Start = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc), RoutePath = "r.csv", StrokesDirectory = "d",
            BatchSize = 100, Quiet = true,
        });
        o.Start!.Value.Kind.Should().Be(DateTimeKind.Utc);
    }

    [Fact]
    public void Parse_NoTokenOption_ReadsDevTokenFromEnvironment()
    {
        var o = OptionsParser.Parse([], name => name == "EQUIPMENT_DEV_TOKEN" ? "from-env" : null);

        o.Token.Should().Be("from-env");
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--tbms", "-1")]
    [InlineData("--rate", "0")]
    [InlineData("--accel", "fast")]
    [InlineData("--url", "ftp://x")]
    [InlineData("--start", "yesterday")]
    [InlineData("--seed")]
    public void Parse_InvalidArguments_ThrowsOptionsException(params string[] args)
    {
        var act = () => OptionsParser.Parse(args, _ => null);

        act.Should().Throw<OptionsException>();
    }
}
