using Equipment.Simulator.Running;
using Equipment.Simulator.Sending;
using Equipment.Simulator.Tests.Support;

namespace Equipment.Simulator.Tests.Running;

public class ProgressReporterTests
{
    [Fact]
    public void Format_Counters_ShowsRateTotalErrorsRetriesAndSimulatedTime()
    {
        var line = ProgressReporter.Format(1234, 56789, 2, 3, Simulate.Epoch.AddHours(1.5));

        line.Should().Be("   1,234 points/s | total 56,789 | errors 2 | retries 3 | sim 2026-01-01 01:30:00Z");
    }

    [Fact]
    public void Report_Terminal_OverwritesOneLineWithCarriageReturn()
    {
        var stats = new SendStatistics();
        var output = new StringWriter();
        var reporter = new ProgressReporter(stats, () => Simulate.Epoch, output, interactive: true);

        stats.RecordSuccess(100);
        reporter.Report(1);
        stats.RecordSuccess(50);
        reporter.Report(1);

        output.ToString().Should().NotContain("\n").And.StartWith("\r     100 points/s | total 100");
        output.ToString().Split('\r')[2].Should().StartWith("      50 points/s | total 150");
    }

    [Fact]
    public void Report_Redirected_WritesPlainLines()
    {
        var stats = new SendStatistics();
        var output = new StringWriter();
        var reporter = new ProgressReporter(stats, () => Simulate.Epoch, output, interactive: false);

        reporter.Report(1);
        reporter.Report(1);

        output.ToString().Should().NotContain("\r");
        output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(2);
    }
}
