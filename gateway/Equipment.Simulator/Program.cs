using System.Runtime.InteropServices;
using Equipment.Simulator.Cli;
using Equipment.Simulator.Core;
using Equipment.Simulator.Gbt32960;
using Equipment.Simulator.Registry;
using Equipment.Simulator.Replay;
using Equipment.Simulator.Running;
using Equipment.Simulator.Sending;
using Equipment.Simulator.Trucks;

SimulatorOptions options;
try
{
    options = OptionsParser.Parse(args);
}
catch (OptionsException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    Console.Error.WriteLine(OptionsParser.Usage);
    return 2;
}

if (options.ShowHelp)
{
    Console.WriteLine(OptionsParser.Usage);
    return 0;
}

if (string.IsNullOrEmpty(options.Token))
{
    Console.Error.WriteLine($"error: no ingest token; pass --token or set {SimulatorOptions.TokenEnvironmentVariable}");
    return 2;
}

static void Log(string message) => Console.Error.WriteLine($"[simulator] {message}");

using var stop = new CancellationTokenSource();
void RequestStop(PosixSignalContext context)
{
    // Handled here so the process stays alive long enough to flush and print the summary.
    context.Cancel = true;
    if (!stop.IsCancellationRequested)
    {
        Log($"{context.Signal}: stopping, flushing pending points");
        stop.Cancel();
    }
}

using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, RequestStop);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, RequestStop);

var start = options.Start ?? DateTime.UtcNow;
List<ITelemetrySource> sources;
IReadOnlyList<RegistrationRequest> registrations;
double samplesPerSimulatedSecond;
IReadOnlyList<TboxSource> tboxes = [];
var tboxStatistics = new TboxStatistics();
try
{
    if (options.Mode == SimulatorMode.Replay)
    {
        var replays = SourceFactory.Replays(options.Seed, start, options.StrokesDirectory);
        sources = [.. replays];
        registrations = SourceFactory.ReplayRegistrations();
        samplesPerSimulatedSecond = replays.Count * (ReplaySource.SamplesPerStroke + 1) / 1800.0;
        Log($"replay: {string.Join(", ", replays.Select(r => $"{r.Id} ({r.TotalPoints:N0} points)"))}");
    }
    else
    {
        var tbms = SourceFactory.LiveTbms(options.Tbms, options.Seed, start, options.RateHz);
        var trucks = options.Trucks > 0
            ? SourceFactory.LiveTrucks(options.Trucks, options.Seed, start, options.RateHz, RouteProfile.Load(options.RoutePath))
            : [];
        var tboxOptions = new TboxClientOptions
        {
            Host = options.GbtHost,
            Port = options.GbtPort,
            Edition = options.GbtEdition,
            BufferFrames = (options.GbtEdition == GbtEdition.V2025 ? 7 : 3) * 8640,
        };
        tboxes = TboxFleet.Create(
            trucks.Where((_, i) => SourceFactory.IsTbox(i, options.GbtShare)), options.Seed, tboxOptions, new TboxTiming(), options.GbtFaultHours, tboxStatistics, Log);
        var httpTrucks = trucks.Where((_, i) => !SourceFactory.IsTbox(i, options.GbtShare)).ToList();
        sources = [.. tbms, .. httpTrucks, .. tboxes];
        registrations = SourceFactory.Registrations(tbms, trucks, tboxes.ToDictionary(t => t.Id, t => t.Client.Vin));
        samplesPerSimulatedSecond = sources.Count * options.RateHz;
        Log($"live: {tbms.Count} TBMs, {trucks.Count} trucks at {options.RateHz} Hz, ×{options.Acceleration} time, seed {options.Seed}");
        if (tboxes.Count > 0)
        {
            Log($"gbt32960: {tboxes.Count} trucks are T-Boxes ({options.GbtEdition}) reporting to {options.GbtHost}:{options.GbtPort}: " +
                string.Join(", ", tboxes.Select(t => $"{t.Id} {t.Client.Vin}")));
        }
    }
}
catch (Exception ex) when (ex is FileNotFoundException or FormatException or IOException)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 2;
}

using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) })
{
    var registry = new RegistryClient(http, options.DashboardUrl, options.Token, Log);
    var registered = await registry.RegisterAllAsync(registrations, stop.Token).ConfigureAwait(false);
    Log($"registry: {registered}/{registrations.Count} machines registered at {options.DashboardUrl}");
}

Log($"sending to {options.Url} (org {options.Org}, bucket {options.Bucket}), simulated start {start:O}");
using var writer = new InfluxPointWriter(options.Url, options.Token, options.Org, options.Bucket);
var statistics = new SendStatistics();
var sender = new ResilientSender(writer, new RetryPolicy(new Random()), statistics, Log);
var settings = new RunSettings(start, options.Acceleration, options.DurationSeconds, options.BatchSize, samplesPerSimulatedSecond);
var runner = new SimulationRunner(sources, sender, settings, Log);

using var progressStop = new CancellationTokenSource();
var progress = options.Quiet
    ? Task.CompletedTask
    : new ProgressReporter(statistics, () => runner.SimulatedNow, Console.Error, !Console.IsErrorRedirected).RunAsync(progressStop.Token);

using var tboxAbort = new CancellationTokenSource();
var tboxRuns = tboxes.Select(t => Task.Run(() => t.Client.RunAsync(tboxAbort.Token))).ToList();
var summary = await runner.RunAsync(stop.Token).ConfigureAwait(false);
if (tboxes.Count > 0)
{
    // Like a truck switched off: what is queued goes out, then a logout (bounded by the flush deadline).
    foreach (var t in tboxes)
    {
        t.Client.Complete();
    }

    tboxAbort.CancelAfter(settings.FlushDeadline);
    await Task.WhenAll(tboxRuns).ConfigureAwait(false);
}

await progressStop.CancelAsync().ConfigureAwait(false);
await progress.ConfigureAwait(false);
Console.Error.WriteLine(summary);
if (tboxes.Count > 0)
{
    Console.Error.WriteLine(tboxStatistics);
}

return summary.PointsDropped > 0 ? 1 : 0;
