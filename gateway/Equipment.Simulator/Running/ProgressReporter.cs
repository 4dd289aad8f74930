using System.Globalization;
using Equipment.Simulator.Sending;

namespace Equipment.Simulator.Running;

/// <summary>One status line a second on stderr: rewritten in place on a terminal, appended when redirected.</summary>
public sealed class ProgressReporter(SendStatistics statistics, Func<DateTime> simulatedNow, TextWriter output, bool interactive)
{
    private long _lastSent;
    private int _lastLength;

    public static string Format(double pointsPerSecond, long total, long errors, long retries, DateTime simulatedNow) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{pointsPerSecond,8:N0} points/s | total {total:N0} | errors {errors:N0} | retries {retries:N0} | sim {simulatedNow:yyyy-MM-dd HH:mm:ss}Z");

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                Report(1.0);
            }
        }
        catch (OperationCanceledException)
        {
        }

        if (interactive && _lastLength > 0)
        {
            output.WriteLine();
        }
    }

    public void Report(double intervalSeconds)
    {
        var sent = statistics.PointsSent;
        var line = Format((sent - _lastSent) / intervalSeconds, sent, statistics.Errors, statistics.Retries, simulatedNow());
        _lastSent = sent;
        if (interactive)
        {
            output.Write("\r" + line.PadRight(_lastLength));
            _lastLength = line.Length;
        }
        else
        {
            output.WriteLine(line);
        }

        output.Flush();
    }
}
