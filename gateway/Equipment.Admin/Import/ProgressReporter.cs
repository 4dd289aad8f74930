using System.Diagnostics;
using System.Globalization;
using Equipment.Telemetry.Import;

namespace Equipment.Admin.Import;

/// <summary>A progress bar on a terminal; plain progress lines every few seconds when stderr is a file or a pipe.</summary>
public sealed class ProgressReporter(TextWriter output, bool terminal)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _lastLine = TimeSpan.Zero;

    public void Report(string file, long position, long length, ImportSummary summary)
    {
        var fraction = length > 0 ? Math.Clamp((double)position / length, 0, 1) : 0;
        var rate = summary.Rows / Math.Max(0.001, _clock.Elapsed.TotalSeconds);
        if (terminal)
        {
            const int width = 30;
            var filled = (int)Math.Round(fraction * width);
            output.Write(string.Create(CultureInfo.InvariantCulture,
                $"\r{Path.GetFileName(file)} [{new string('#', filled)}{new string('-', width - filled)}] {fraction,4:P0} {summary.Rows:N0} rows {rate:N0} rows/s, {summary.RefusedCount:N0} refused "));
        }
        else if (_clock.Elapsed - _lastLine >= TimeSpan.FromSeconds(5))
        {
            _lastLine = _clock.Elapsed;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Path.GetFileName(file)}: {fraction:P0}, {summary.Rows:N0} rows, {summary.Points:N0} points, {summary.RefusedCount:N0} refused, {rate:N0} rows/s"));
        }
    }

    public void Done()
    {
        if (terminal)
        {
            output.WriteLine();
        }
    }
}
