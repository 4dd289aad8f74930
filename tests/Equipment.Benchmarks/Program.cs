using BenchmarkDotNet.Running;
using Equipment.Benchmarks;

if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("""
        usage: dotnet run -c Release --project tests/Equipment.Benchmarks -- SCENARIO [options]
          ingest   raw InfluxDB vs end to end, 5,000-line bodies (defaults: --points 1000000 --machines 400 --concurrency 8)
          fleet    1,000 devices posting 10-line requests concurrently (defaults: --machines 1000 --requests 60, i.e. 600,000 points);
                   --lines 1 for T-Box-shaped 1-line requests
          ingest and fleet run 3 times on a fresh platform (--runs N) and print the median of each figure last
          parser   BenchmarkDotNet suite of the line-protocol parser and serialiser (alias: micro; BenchmarkDotNet args follow)
          twins    retained bytes per twin: 10,000 TBMs and 10,000 trucks in an in-process silo (--machines N)
          alerts   alert latency gateway → SignalR client, with the simulated fleet's rate in the background (--probes N)
          history  30-day history query latency through the dashboard's history API (--queries N)
          cutterplan  cutter-plan answer time for a 50-cutter head with a year of inspections (--queries 200 --days 365)
          timeuse  shift report and a 30-day time-use summary over 30 days of 1 Hz TBM data through the dashboard's API: the month's first request, then from stored day summaries, then after a late mark (--queries N)
          gbt32960 GB/T 32960 T-Boxes on the gateway's TCP listener: 10,000 connections × a 96-cell frame every 10 s plus one
                   connection streaming (--connections N --rounds R --period S --stream-frames N --cells N --edition 2016|2025)
          cells    GB/T 32960 cell voltages in InfluxDB: a field per cell vs a point per cell (--frames 3600 --cells 100)
          mqtt     QoS 1 line protocol through Mosquitto and the gateway vs HTTP, same bodies (defaults: --machines 200 --requests 30, 10 lines each)
          import   logger file import (CLI → gateway → InfluxDB) vs the same rows straight to InfluxDB (--mb 256 --chunk-rows 5000)
          scale    N trucks every 10 s + M TBMs at 1 Hz, then silence: CPU per point, idle silo CPU, memory per twin, ack and
                   alert p99, overview first screen in Chromium (--trucks 20000 --tbms 100 --minutes 10 --idle-minutes 10
                   --silos 1 [--twin-idle-minutes M, for short runs]; --silos 3 prints grain calls per type and activation)
        """);
    return args.Length == 0 ? 2 : 0;
}

var scenario = args[0];
if (scenario is "parser" or "micro")
{
    BenchmarkRunner.Run<ParserBenchmarks>(ParserBenchmarks.Config, args[1..]);
    return 0;
}

if (scenario == "cells")
{
    return await CellLayout.RunAsync(IntOption(args, "--frames", 3600), IntOption(args, "--cells", 100));
}

if (scenario == "twins")
{
    return await TwinMemory.RunAsync(IntOption(args, "--machines", 10_000));
}

if (scenario is not ("ingest" or "fleet" or "alerts" or "history" or "cutterplan" or "timeuse" or "gbt32960" or "mqtt" or "import" or "scale"))
{
    Console.Error.WriteLine($"unknown scenario '{scenario}' (ingest, fleet, parser, cells, twins, alerts, history, cutterplan, timeuse, gbt32960, mqtt, import, scale)");
    return 2;
}

var options = scenario is "alerts" or "history" or "cutterplan" or "timeuse" or "gbt32960" or "import" or "scale" ? null : Options.Parse(args[1..]);
var scale = scenario == "scale" ? Scale.Settings.Parse(args[1..]) : null;
using var cts = new CancellationTokenSource();
Platform? platform = null;
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    Console.Error.WriteLine("interrupted: stopping the platform");
    cts.Cancel();
    platform?.KillAll();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => platform?.KillAll();
var runs = new List<RunSummary>();
for (var run = 0; run < (options?.Runs ?? 1); run++)
{
    if (options is { Runs: > 1 })
    {
        Console.WriteLine($"=== run {run + 1} of {options.Runs} ===");
    }

    try
    {
        platform = await Platform.StartInfluxAsync();
        switch (scenario)
        {
            case "ingest":
                runs.Add(await Scenarios.IngestAsync(options!, platform, cts.Token));
                break;
            case "fleet":
                runs.Add(await Scenarios.FleetAsync(options!, platform, cts.Token));
                break;
            case "gbt32960":
                return await GbtBenchmark.RunAsync(platform, args[1..], cts.Token);
            case "mqtt":
                return await MqttThroughput.RunAsync(options!, platform, cts.Token);
            case "scale":
                return await Scale.RunAsync(scale!, platform, cts.Token);
            case "import":
                return await ImportThroughput.RunAsync(platform, IntOption(args, "--mb", 256), IntOption(args, "--chunk-rows", 5000), cts.Token);
            case "cutterplan":
                return await CutterPlanLatency.RunAsync(platform, IntOption(args, "--queries", 200), IntOption(args, "--days", 365), cts.Token);
            case "alerts":
                return await AlertLatency.RunAsync(platform, IntOption(args, "--probes", 200), IntOption(args, "--background", 16), cts.Token);
            case "timeuse":
                return await TimeUseLatency.RunAsync(platform, IntOption(args, "--queries", 20), cts.Token);
            default:
                return await HistoryLatency.RunAsync(platform, IntOption(args, "--queries", 200), cts.Token);
        }

        if (options?.Verbose == true)
        {
            Console.Error.WriteLine(platform.Tails());
        }
    }
    catch (OperationCanceledException) when (cts.IsCancellationRequested)
    {
        Console.Error.WriteLine("benchmark interrupted");
        return 130;
    }
    catch (Exception e)
    {
        Console.Error.WriteLine(platform?.Tails());
        Console.Error.WriteLine($"benchmark FAILED: {e.GetType().Name}: {e.Message}");
        Console.WriteLine($"{scenario}: FAILED ({e.Message})");
        return 1;
    }
    finally
    {
        if (platform is { } started)
        {
            platform = null;
            await started.DisposeAsync();
        }
    }
}

if (runs.Count > 1)
{
    Console.WriteLine();
    foreach (var r in runs)
    {
        Console.WriteLine("  " + r);
    }

    Console.WriteLine(RunSummary.Median(runs));
}

return 0;

static int IntOption(string[] args, string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
