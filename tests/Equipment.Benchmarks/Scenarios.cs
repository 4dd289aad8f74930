using System.Diagnostics;
using System.Globalization;

namespace Equipment.Benchmarks;

public sealed class Options
{
    public long? Points { get; set; }

    public int? Machines { get; set; }

    public int? Concurrency { get; set; }

    public int? Requests { get; set; }

    /// <summary>Concurrent raw writers for exploration; the issue's baseline is 2.</summary>
    public int RawWriters { get; set; } = 2;

    /// <summary>Raw and e2e alternate over this many slices of the data, so drifting background load hits both alike.</summary>
    public int Rounds { get; set; } = 2;

    /// <summary>Lines per fleet request: 10 (a batching edge device) or 1 (a T-Box sending frame by frame).</summary>
    public int? Lines { get; set; }

    /// <summary>Whole runs (fresh platform each); the median of their figures is printed last.</summary>
    public int Runs { get; set; } = 3;

    /// <summary>Print the tail of the silo's and gateway's output at the end (normally only on failure).</summary>
    public bool Verbose { get; set; }

    public static Options Parse(string[] args)
    {
        var o = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--points": o.Points = long.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--machines": o.Machines = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--concurrency": o.Concurrency = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--requests": o.Requests = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--raw-writers": o.RawWriters = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--verbose": o.Verbose = true; break;
                case "--lines": o.Lines = Math.Max(1, int.Parse(Next(), CultureInfo.InvariantCulture)); break;
                case "--runs": o.Runs = Math.Max(1, int.Parse(Next(), CultureInfo.InvariantCulture)); break;
                case "--rounds": o.Rounds = Math.Max(1, int.Parse(Next(), CultureInfo.InvariantCulture)); break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        return o;
    }
}

/// <summary>The two load scenarios: raw InfluxDB first, then end to end through the gateway, in one influxd.</summary>
public static class Scenarios
{
    public const string RawDatabase = "bench_raw";
    public const string E2eDatabase = "bench_e2e";
    private const int IngestLinesPerBody = 5000;
    private static readonly long WarmBaseNs = Machines.BaseNs - (86_400L * 1_000_000_000);

    public static async Task<RunSummary> IngestAsync(Options o, Platform platform, CancellationToken ct)
    {
        var machineCount = o.Machines ?? 400;
        var points = o.Points ?? 1_000_000;
        var concurrency = o.Concurrency ?? 8;
        var RawWriters = o.RawWriters;
        var clock = Stopwatch.StartNew();
        var bodies = Machines.Interleaved(new Machines(machineCount), points, IngestLinesPerBody, Machines.BaseNs);
        // Long enough for tiered JIT to settle in the silo and gateway (a short warm-up left ~20% of their CPU in the JIT).
        var warmPoints = Math.Min(points, 200_000);
        var warm = Machines.Interleaved(new Machines(machineCount), warmPoints, IngestLinesPerBody, WarmBaseNs);
        var bytes = bodies.Sum(b => (long)b.Length);
        Console.WriteLine($"generated {points:N0} points of {machineCount} machines in {bodies.Count} bodies of {IngestLinesPerBody} lines ({bytes / 1e6:F0} MB, {bytes / (double)points:F0} B/line) in {clock.Elapsed.TotalSeconds:F1} s; warm-up {warmPoints:N0} points");

        await platform.StartPlatformAsync(E2eDatabase, ct);
        await platform.Influx.CreateDatabaseAsync(RawDatabase);
        var meter = new CpuMeter(Pids(platform));

        using var raw = new Poster($"{platform.Influx.Url}/write?db={RawDatabase}&precision=ns", null, RawWriters);
        await WarmUpAsync(warm.Count, (from, count) => RunBodiesAsync("raw warm-up", raw, warm.GetRange(from, count), RawWriters, CountLines(warm.GetRange(from, count)), null, ct));
        using var e2e = new Poster($"{platform.GatewayUrl}/api/v2/write?org=bench&precision=ns", Platform.DevToken, concurrency);
        Console.WriteLine($"e2e client concurrency: {concurrency} requests in flight; raw: {RawWriters} writers; {o.Rounds} round(s) alternating raw and e2e");
        await WarmUpAsync(warm.Count, (from, count) => RunBodiesAsync("e2e warm-up", e2e, warm.GetRange(from, count), concurrency, CountLines(warm.GetRange(from, count)), null, ct));
        var rawRounds = new List<RunResult>();
        var e2eRounds = new List<RunResult>();
        for (var round = 0; round < o.Rounds; round++)
        {
            var from = bodies.Count * round / o.Rounds;
            var slice = bodies.GetRange(from, (bodies.Count * (round + 1) / o.Rounds) - from);
            var slicePoints = CountLines(slice);
            rawRounds.Add(await RunBodiesAsync($"raw (InfluxDB /write, {RawWriters} writers)", raw, slice, RawWriters, slicePoints, meter, ct));
            var stored = warmPoints + CountLines(bodies.GetRange(0, from + slice.Count));
            e2eRounds.Add(await RunBodiesAsync($"e2e (gateway /api/v2/write, {concurrency} in flight)", e2e, slice, concurrency, slicePoints, meter, ct, () => UntilStoredAsync(platform, stored, ct)));
        }

        var rawResult = RunResult.Sum(rawRounds);
        var e2eResult = RunResult.Sum(e2eRounds);

        await VerifyAsync(platform, RawDatabase, points + warmPoints, ct);
        await VerifyAsync(platform, E2eDatabase, points + warmPoints, ct);
        return await Report("ingest", rawResult, e2eResult, platform);
    }

    public static async Task<RunSummary> FleetAsync(Options o, Platform platform, CancellationToken ct)
    {
        var FleetLinesPerBody = o.Lines ?? 10;
        var machineCount = o.Machines ?? 1000;
        var requests = o.Requests ?? (int)Math.Max(1, (o.Points ?? 600_000) / (machineCount * (long)FleetLinesPerBody));
        var points = (long)machineCount * requests * FleetLinesPerBody;
        var clock = Stopwatch.StartNew();
        var bodies = Machines.PerMachine(new Machines(machineCount, seed: 7), requests, FleetLinesPerBody, Machines.BaseNs);
        const int warmRequests = 5;
        var warm = Machines.PerMachine(new Machines(machineCount, seed: 7), warmRequests, FleetLinesPerBody, WarmBaseNs);
        var warmPoints = (long)machineCount * warmRequests * FleetLinesPerBody;
        Console.WriteLine($"generated {machineCount} machines x {requests} requests x {FleetLinesPerBody} lines = {points:N0} points in {clock.Elapsed.TotalSeconds:F1} s; warm-up {warmRequests} requests per machine");

        await platform.StartPlatformAsync(E2eDatabase, ct);
        await platform.Influx.CreateDatabaseAsync(RawDatabase);
        var meter = new CpuMeter(Pids(platform));

        using var raw = new Poster($"{platform.Influx.Url}/write?db={RawDatabase}&precision=ns", null, machineCount);
        await WarmUpAsync(warmRequests, (from, count) => RunFleetAsync("raw warm-up", raw, warm.Select(b => b[from..(from + count)]).ToArray(), (long)machineCount * count * FleetLinesPerBody, null, ct));
        using var e2e = new Poster($"{platform.GatewayUrl}/api/v2/write?org=bench&precision=ns", Platform.DevToken, machineCount);
        await WarmUpAsync(warmRequests, (from, count) => RunFleetAsync("e2e warm-up", e2e, warm.Select(b => b[from..(from + count)]).ToArray(), (long)machineCount * count * FleetLinesPerBody, null, ct));
        Console.WriteLine($"{o.Rounds} round(s) alternating raw and e2e");
        var rawRounds = new List<RunResult>();
        var e2eRounds = new List<RunResult>();
        for (var round = 0; round < o.Rounds; round++)
        {
            var from = requests * round / o.Rounds;
            var count = (requests * (round + 1) / o.Rounds) - from;
            var slice = bodies.Select(b => b[from..(from + count)]).ToArray();
            var slicePoints = (long)machineCount * count * FleetLinesPerBody;
            rawRounds.Add(await RunFleetAsync($"raw (InfluxDB /write, {machineCount} devices)", raw, slice, slicePoints, meter, ct));
            var stored = warmPoints + ((long)machineCount * (from + count) * FleetLinesPerBody);
            e2eRounds.Add(await RunFleetAsync($"e2e (gateway /api/v2/write, {machineCount} devices)", e2e, slice, slicePoints, meter, ct, () => UntilStoredAsync(platform, stored, ct)));
        }

        var rawResult = RunResult.Sum(rawRounds);
        var e2eResult = RunResult.Sum(e2eRounds);

        await VerifyAsync(platform, RawDatabase, points + warmPoints, ct);
        await VerifyAsync(platform, E2eDatabase, points + warmPoints, ct);
        return await Report(FleetLinesPerBody == 10 ? "fleet" : $"fleet --lines {FleetLinesPerBody}", rawResult, e2eResult, platform);
    }

    /// <summary>
    /// Warm-up in three passes with pauses. Tiered JIT starts counting calls only after ~100 ms without new
    /// tier-0 compilations, which never happens under steady load: with one long warm-up the silo and gateway
    /// spent ~20% of the measured run in the JIT. The pauses let the tier-up happen before the measurement.
    /// </summary>
    private static async Task WarmUpAsync(int items, Func<int, int, Task<RunResult>> run)
    {
        const int passes = 3;
        for (var pass = 0; pass < passes; pass++)
        {
            var from = items * pass / passes;
            var count = (items * (pass + 1) / passes) - from;
            if (count > 0)
            {
                await run(from, count);
            }

            await Task.Delay(1000);
        }
    }

    private static long CountLines(List<byte[]> bodies) => bodies.Sum(b => (long)b.AsSpan().Count((byte)'\n'));

    private static Dictionary<string, int> Pids(Platform p) => new()
    {
        ["influxd"] = p.InfluxPid,
        ["silo"] = p.Silo!.Id,
        ["gateway"] = p.Gateway!.Id,
        ["client"] = Environment.ProcessId,
    };

    /// <summary>Bodies handed out in order to <paramref name="concurrency"/> workers, each posting back-to-back.</summary>
    private static async Task<RunResult> RunBodiesAsync(string name, Poster poster, List<byte[]> bodies, int concurrency, long points, CpuMeter? meter, CancellationToken ct, Func<Task>? untilStored = null)
    {
        var next = -1;
        var latencies = new Latencies();
        using var progress = Progress(name, () => Math.Min(Volatile.Read(ref next) + 1, bodies.Count), bodies.Count);
        meter?.Start();
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            var mine = new List<double>();
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Count)
            {
                mine.Add(await poster.PostAsync(bodies[i], ct));
            }

            latencies.Add(mine);
        }, ct)).ToArray();
        await Task.WhenAll(workers);
        if (untilStored is not null)
        {
            await untilStored();
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var cpu = meter?.Stop() ?? [];
        var result = new RunResult(name, points, bodies.Count, seconds, latencies, cpu);
        Console.WriteLine($"{name}: {points:N0} points in {seconds:F2} s = {result.PointsPerSecond:N0} points/s, ack p50 {latencies.Percentile(50):F1} ms p99 {latencies.Percentile(99):F1} ms");
        return result;
    }

    /// <summary>One loop per device, all concurrently, each posting its own bodies back-to-back.</summary>
    private static async Task<RunResult> RunFleetAsync(string name, Poster poster, byte[][][] bodies, long points, CpuMeter? meter, CancellationToken ct, Func<Task>? untilStored = null)
    {
        var done = 0;
        var total = bodies.Sum(b => b.Length);
        var latencies = new Latencies();
        using var gate = new ManualResetEventSlim();
        using var progress = Progress(name, () => Volatile.Read(ref done), total);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var devices = bodies.Select(mine => Task.Run(async () =>
        {
            await start.Task;
            var times = new List<double>(mine.Length);
            foreach (var body in mine)
            {
                times.Add(await poster.PostAsync(body, ct));
                Interlocked.Increment(ref done);
            }

            latencies.Add(times);
        }, ct)).ToArray();
        meter?.Start();
        var clock = Stopwatch.StartNew();
        start.SetResult();
        await Task.WhenAll(devices);
        if (untilStored is not null)
        {
            await untilStored();
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var cpu = meter?.Stop() ?? [];
        var result = new RunResult(name, points, total, seconds, latencies, cpu);
        Console.WriteLine($"{name}: {points:N0} points in {seconds:F2} s = {result.PointsPerSecond:N0} points/s, ack p50 {latencies.Percentile(50):F1} ms p99 {latencies.Percentile(99):F1} ms");
        return result;
    }

    private static Timer Progress(string name, Func<int> done, int total)
    {
        var clock = Stopwatch.StartNew();
        return new Timer(_ => Console.WriteLine($"  {name}: {done()}/{total} requests after {clock.Elapsed.TotalSeconds:F0} s"), null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
    }

    /// <summary>
    /// The e2e time (and CPU) runs until InfluxDB holds the points, not just until the last 204: the gateway
    /// acknowledges once points are in its spool, and would otherwise be credited with writes InfluxDB has not done yet.
    /// </summary>
    private static async Task UntilStoredAsync(Platform platform, long expected, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (await CountAsync(platform, E2eDatabase) < expected)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(120))
            {
                throw new InvalidOperationException($"{E2eDatabase}: points acknowledged but not in InfluxDB after 120 s");
            }

            await Task.Delay(100, ct);
        }

        if (clock.Elapsed.TotalSeconds > 0.2)
        {
            Console.WriteLine($"  e2e: last points reached InfluxDB {clock.Elapsed.TotalSeconds:F2} s after the last 204 (counted in the e2e time)");
        }
    }

    private static async Task<long> CountAsync(Platform platform, string database) =>
        await platform.Influx.CountAsync(database, "tbm", "chainage_m") + await platform.Influx.CountAsync(database, "truck", "odometer_km");

    /// <summary>Waits until InfluxDB holds every point sent (a 204 promised it already); throws when any is missing.</summary>
    private static async Task VerifyAsync(Platform platform, string database, long expected, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        long count = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            count = await platform.Influx.CountAsync(database, "tbm", "chainage_m") + await platform.Influx.CountAsync(database, "truck", "odometer_km");
            if (count >= expected)
            {
                break;
            }

            await Task.Delay(1000, ct);
        }

        Console.WriteLine($"{database}: {count:N0} points in InfluxDB, {expected:N0} sent (checked in {clock.Elapsed.TotalSeconds:F1} s)");
        if (count != expected)
        {
            throw new InvalidOperationException($"{database}: InfluxDB holds {count:N0} points but {expected:N0} were acknowledged");
        }
    }

    private static async Task<RunSummary> Report(string scenario, RunResult raw, RunResult e2e, Platform platform)
    {
        var ci = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine($"{"run",-48} {"points",10} {"requests",9} {"seconds",8} {"points/s",10} {"p50 ms",8} {"p99 ms",8}");
        foreach (var r in new[] { raw, e2e })
        {
            Console.WriteLine(string.Format(ci, "{0,-48} {1,10} {2,9} {3,8:F2} {4,10:F0} {5,8:F1} {6,8:F1}", r.Name, r.Points, r.Requests, r.Seconds, r.PointsPerSecond, r.Latencies.Percentile(50), r.Latencies.Percentile(99)));
        }

        Console.WriteLine();
        Console.WriteLine($"{"CPU during run",-14} {"raw s",8} {"raw µs/pt",10} {"e2e s",8} {"e2e µs/pt",10}");
        foreach (var process in raw.CpuSeconds.Keys.Where(k => k != CpuMeter.Machine))
        {
            var a = raw.CpuSeconds[process];
            var b = e2e.CpuSeconds[process];
            Console.WriteLine(string.Format(ci, "{0,-14} {1,8:F2} {2,10:F2} {3,8:F2} {4,10:F2}", process, a, a * 1e6 / raw.Points, b, b * 1e6 / e2e.Points));
        }

        var totalRaw = raw.CpuSeconds.Where(p => p.Key != CpuMeter.Machine).Sum(p => p.Value);
        var totalE2e = e2e.CpuSeconds.Where(p => p.Key != CpuMeter.Machine).Sum(p => p.Value);
        Console.WriteLine(string.Format(ci, "{0,-14} {1,8:F2} {2,10:F2} {3,8:F2} {4,10:F2}", "all", totalRaw, totalRaw * 1e6 / raw.Points, totalE2e, totalE2e * 1e6 / e2e.Points));
        var otherRaw = raw.CpuSeconds[CpuMeter.Machine] - totalRaw;
        var otherE2e = e2e.CpuSeconds[CpuMeter.Machine] - totalE2e;
        Console.WriteLine(string.Format(ci, "{0,-14} {1,8:F2} {2,10} {3,8:F2} {4,10}   <- CPU used by processes not part of the benchmark", "other", otherRaw, "", otherE2e, ""));
        Console.WriteLine(string.Format(ci, "machine: {0} cores; {1:F0} core-s available during raw, {2:F0} during e2e; background load took {3:P0} and {4:P0} of them",
            Environment.ProcessorCount, Environment.ProcessorCount * raw.Seconds, Environment.ProcessorCount * e2e.Seconds,
            otherRaw / (Environment.ProcessorCount * raw.Seconds), otherE2e / (Environment.ProcessorCount * e2e.Seconds)));
        Console.WriteLine(string.Format(ci, "CPU-bound projection (raw CPU per point / e2e CPU per point): ratio {0:F2}", totalRaw / totalE2e));
        Console.WriteLine();
        // Per spooled record, from its 204 to InfluxDB having it (the gateway's delivery-lag histogram, warm-up included).
        using var http = new HttpClient();
        var delivery = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync(platform.GatewayUrl + "/stats")).RootElement.GetProperty("delivery");
        var lagP99 = delivery.GetProperty("lagP99Seconds").GetDouble();
        var records = delivery.GetProperty("records").GetInt64();
        var batches = delivery.GetProperty("batches").GetInt64();
        var platformCpu = (e2e.CpuSeconds.GetValueOrDefault("gateway") + e2e.CpuSeconds.GetValueOrDefault("silo")) * 1e6 / e2e.Points;
        Console.WriteLine(string.Format(ci, "delivery: {0:N0} records in {1:N0} coalesced batches ({2:F1} records per batch), lag p50 {3:F3} s p99 {4:F3} s",
            records, batches, records / (double)Math.Max(1, batches), delivery.GetProperty("lagP50Seconds").GetDouble(), lagP99));
        var summary = new RunSummary(scenario, e2e.PointsPerSecond, raw.PointsPerSecond, e2e.PointsPerSecond / raw.PointsPerSecond, e2e.Latencies.Percentile(50), e2e.Latencies.Percentile(99), lagP99, platformCpu);
        Console.WriteLine(summary);
        return summary;
    }
}
