using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Equipment.Simulator.Gbt32960;
using Equipment.Testing;

namespace Equipment.Benchmarks;

/// <summary>
/// GB/T 32960 T-Box load on the real gateway listener: thousands of concurrent connections that log in and send a
/// real-time frame with 96 cell voltages every period, plus one connection streaming frames as fast as it can.
/// Frames are encoded with the simulator's T-Box encoder (independent of the gateway's codec). Prints frames decoded
/// per gateway core-second, platform CPU per frame, gateway memory per idle connection and whether InfluxDB holds
/// every frame (the fleet is "held").
/// </summary>
public static class GbtBenchmark
{
    public const string Database = "bench_gbt";
    private const int Seed = 42;
    private const int ConnectConcurrency = 200;

    public static async Task<int> RunAsync(Platform platform, string[] args, CancellationToken ct)
    {
        var connections = Option(args, "--connections", 10_000);
        var rounds = Option(args, "--rounds", 6);
        var periodSeconds = Option(args, "--period", 10);
        var streamFrames = Option(args, "--stream-frames", 100_000);
        var cells = Option(args, "--cells", 96);
        var edition = Option(args, "--edition", 2016) == 2025 ? GbtEdition.V2025 : GbtEdition.V2016;
        var ci = CultureInfo.InvariantCulture;

        var (soft, hard) = FileLimit.RaiseToHard();
        Console.WriteLine($"open files: soft limit {soft}, hard {hard} (raised to the hard limit; the gateway inherits it)");
        if (soft != 0 && soft < (ulong)connections + 256)
        {
            throw new InvalidOperationException($"{connections:N0} connections need about {connections + 256:N0} open files, the limit is {soft}: raise `ulimit -Hn` first");
        }

        var port = FreePort.Next();
        await platform.StartPlatformAsync(Database, ct, [
            $"--Gbt32960:Port={port}", "--Gbt32960:LoopbackOnly=true", "--Gbt32960:AcceptUnregistered=true",
            "--Gbt32960:IdleSeconds=600", $"--Gbt32960:MaxConnections={connections + 100}"]);
        await WaitForListenerAsync(port, ct);
        var gateway = platform.Gateway!.Id;
        var pids = new Dictionary<string, int>
        {
            ["influxd"] = platform.InfluxPid,
            ["silo"] = platform.Silo!.Id,
            ["gateway"] = gateway,
            ["client"] = Environment.ProcessId,
        };

        // The streaming T-Box's frames carry distinct past seconds (one series: GB/T times have 1 s resolution).
        var warmFrames = Math.Min(20_000, Math.Max(1_000, streamFrames / 5));
        var streamVin = VinCode.For(Seed, "bench-stream");
        var streamStart = DateTime.UtcNow.AddSeconds(-(streamFrames + warmFrames) - 3600).AddTicks(-(DateTime.UtcNow.Ticks % TimeSpan.TicksPerSecond));
        var clock = Stopwatch.StartNew();
        var streamBodies = Enumerable.Range(0, warmFrames + streamFrames)
            .Select(i => GbtFrame.Build(edition, GbtCommand.RealTime, GbtCommand.IsCommand, streamVin, GbtEncoder.RealTime(edition, Snapshot(streamStart.AddSeconds(i), i, cells))))
            .ToArray();
        Console.WriteLine($"encoded {streamBodies.Length:N0} stream frames of {streamBodies[0].Length} bytes ({cells} cells) in {clock.Elapsed.TotalSeconds:F1} s");
        var (decodeRate, decodedFrames) = GbtDecodeRate.Measure(streamBodies[..Math.Min(10_000, streamBodies.Length)], TimeSpan.FromSeconds(3));
        Console.WriteLine(string.Create(ci, $"decoder alone (the gateway's FrameReader + DataDecoder.Realtime, one thread): {decodedFrames:N0} frames, {decodeRate:N0} frames per CPU-second"));

        await using var stream = await TboxConnection.OpenAsync(port, edition, streamVin, ct);
        clock.Restart();
        await stream.StreamAsync(streamBodies.AsMemory(0, warmFrames), ct);
        await UntilStoredAsync(platform, warmFrames, TimeSpan.FromSeconds(120), ct);
        Console.WriteLine($"warm-up: {warmFrames:N0} frames stored in {clock.Elapsed.TotalSeconds:F1} s");
        await Task.Delay(2000, ct);

        // Idle memory: RSS before and after the fleet connects and logs in, after a pause.
        GC.Collect();
        var rssBefore = Cpu.RssBytes(gateway);
        clock.Restart();
        var vins = Enumerable.Range(0, connections).Select(i => VinCode.For(Seed, $"bench-{i:D5}")).ToArray();
        var fleet = new TboxConnection[connections];
        using (var gate = new SemaphoreSlim(ConnectConcurrency))
        {
            await Task.WhenAll(Enumerable.Range(0, connections).Select(async i =>
            {
                await gate.WaitAsync(ct);
                try
                {
                    fleet[i] = await TboxConnection.OpenAsync(port, edition, vins[i], ct);
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        Console.WriteLine($"{connections:N0} T-Boxes connected and logged in after {clock.Elapsed.TotalSeconds:F1} s");
        await Task.Delay(5000, ct);
        var rssIdle = Cpu.RssBytes(gateway);
        var bytesPerConnection = (rssIdle - rssBefore) / (double)connections;
        Console.WriteLine(string.Create(ci, $"gateway RSS {rssBefore / 1e6:F0} MB before, {rssIdle / 1e6:F0} MB with {connections:N0} idle connections: {bytesPerConnection / 1024:F1} KB per connection"));

        // Fleet rounds (each T-Box at its own offset in the period) with the stream running alongside.
        var meter = new CpuMeter(pids);
        var period = TimeSpan.FromSeconds(periodSeconds);
        var t0 = DateTime.UtcNow.AddSeconds(2);
        t0 = t0.AddTicks(-(t0.Ticks % TimeSpan.TicksPerSecond));
        var lateness = new double[connections];
        meter.Start();
        clock.Restart();
        var streamTask = Task.Run(async () =>
        {
            var c = Stopwatch.StartNew();
            await stream.StreamAsync(streamBodies.AsMemory(warmFrames), ct);
            return c.Elapsed.TotalSeconds;
        }, ct);
        var fleetTasks = Enumerable.Range(0, connections).Select(i => Task.Run(async () =>
        {
            var offset = period * i / connections;
            for (var r = 0; r < rounds; r++)
            {
                var due = t0 + (period * r) + offset;
                var wait = due - DateTime.UtcNow;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, ct);
                }

                lateness[i] = Math.Max(lateness[i], (DateTime.UtcNow - due).TotalSeconds);
                var frameTime = t0 + (period * r);
                await fleet[i].SendAsync(GbtFrame.Build(edition, GbtCommand.RealTime, GbtCommand.IsCommand, vins[i], GbtEncoder.RealTime(edition, Snapshot(frameTime, i + r, cells))), ct);
            }
        }, ct)).ToArray();
        await Task.WhenAll(fleetTasks);
        var streamSeconds = await streamTask;
        var sentSeconds = clock.Elapsed.TotalSeconds;
        var expected = (long)warmFrames + streamFrames + ((long)connections * rounds);
        var stored = await UntilStoredAsync(platform, expected, TimeSpan.FromSeconds(300), ct);
        var drainSeconds = clock.Elapsed.TotalSeconds - sentSeconds;
        var cpu = meter.Stop();

        var frames = (long)streamFrames + ((long)connections * rounds);
        var platformCpu = cpu["gateway"] + cpu["silo"];
        var seconds = clock.Elapsed.TotalSeconds;
        var held = stored == expected && drainSeconds < 30 && platformCpu + cpu["influxd"] < Environment.ProcessorCount * seconds;
        Console.WriteLine();
        Console.WriteLine(string.Create(ci, $"fleet: {connections:N0} T-Boxes × {rounds} frames every {periodSeconds} s = {connections / (double)periodSeconds:N0} frames/s; latest send {lateness.Max():F2} s behind schedule"));
        Console.WriteLine(string.Create(ci, $"stream: {streamFrames:N0} frames written in {streamSeconds:F1} s = {streamFrames / streamSeconds:N0} frames/s by one connection"));
        Console.WriteLine(string.Create(ci, $"InfluxDB holds {stored:N0} of {expected:N0} frames; the last arrived {drainSeconds:F1} s after the last frame was sent"));
        Console.WriteLine($"{"CPU during run",-14} {"s",8} {"µs/frame",10}");
        foreach (var (name, value) in cpu.Where(p => p.Key != CpuMeter.Machine))
        {
            Console.WriteLine(string.Create(ci, $"{name,-14} {value,8:F2} {value * 1e6 / frames,10:F1}"));
        }

        Console.WriteLine(string.Create(ci, $"{"other",-14} {cpu[CpuMeter.Machine] - cpu.Where(p => p.Key != CpuMeter.Machine).Sum(p => p.Value),8:F2}   <- processes not part of the benchmark"));
        var perCore = frames / cpu["gateway"];
        Console.WriteLine();
        Console.WriteLine(string.Create(ci,
            $"gbt32960: decoder {decodeRate:N0} frames/s per core (goal ≥ 100,000), whole gateway {perCore:N0} frames per CPU-second, platform CPU {platformCpu * 1e6 / frames:F1} µs/frame (gateway+silo), " +
            $"{bytesPerConnection / 1024:F1} KB per idle connection (goal ≤ 20), fleet of {connections:N0} {(held ? "held" : "NOT held")}"));
        foreach (var c in fleet)
        {
            await c.DisposeAsync();
        }

        if (!held)
        {
            // Why the platform fell behind (delivery retries, timeouts) is in the silo's and gateway's output.
            Console.Error.WriteLine(platform.Tails());
        }

        return held ? 0 : 1;
    }

    /// <summary>A plausible truck at a moment: varies with <paramref name="n"/> so frames differ.</summary>
    private static GbtSnapshot Snapshot(DateTime t, int n, int cells)
    {
        var voltage = 360 + (n % 40);
        return new GbtSnapshot
        {
            TimeUtc = t,
            SpeedKmh = 40 + (n % 30),
            OdometerKm = 20_000 + (n * 0.2),
            TotalVoltageV = voltage,
            TotalCurrentA = 40 - (n % 80),
            SocPct = 30 + (n % 60),
            Gear = 0x2E,
            InsulationKohm = 2_500,
            AcceleratorPct = 20,
            BrakePct = 0,
            MotorState = 1,
            MotorControllerTempC = 45,
            MotorRpm = 3_000 + (n % 500),
            MotorTorqueNm = 120,
            MotorTempC = 60,
            MotorControllerVoltageV = voltage,
            MotorControllerCurrentA = 40,
            Latitude = 30.0 + (n % 1000 * 1e-4),
            Longitude = 101.0 + (n % 1000 * 1e-4),
            CellVoltagesV = Enumerable.Range(0, cells).Select(c => (voltage / (double)cells) + ((c * 7 + n) % 11 * 0.001)).ToArray(),
            ProbeTempsC = Enumerable.Range(0, 32).Select(p => 20 + ((p + n) % 6)).ToArray(),
        };
    }

    private static async Task<long> UntilStoredAsync(Platform platform, long expected, TimeSpan timeout, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        long count = 0;
        while (clock.Elapsed < timeout)
        {
            count = await platform.Influx.CountAsync(Database, "truck", "speed_kmh");
            if (count >= expected)
            {
                break;
            }

            await Task.Delay(500, ct);
        }

        return count;
    }

    private static async Task WaitForListenerAsync(int port, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port, ct);
                return;
            }
            catch (SocketException) when (clock.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(250, ct);
            }
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
