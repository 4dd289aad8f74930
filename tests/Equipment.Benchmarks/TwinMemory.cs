using System.Globalization;
using System.Text;
using Equipment.Contracts.Grains;
using Equipment.Contracts.Hosting;
using Equipment.Contracts.Messages;
using Equipment.Grains.Grains;
using Equipment.Grains.Hosting;
using Equipment.Grains.Influx;
using Equipment.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace Equipment.Benchmarks;

/// <summary>
/// Retained memory per twin: an in-process silo (production grains, in-memory state, InfluxDB writes discarded)
/// activates 10,000 TBMs and then 10,000 trucks, each fed enough telemetry to fill its bounded histories (strokes,
/// cutters, runs), and the managed heap after a full GC is compared before and after. What is counted is
/// everything the silo keeps for a machine: grain activation, live state, twin state and persisted state copy.
/// </summary>
public static class TwinMemory
{
    public static async Task<int> RunAsync(int machines)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ITelemetryWriter, DiscardingWriter>();
        var siloPort = FreePort.Next();
        var gatewayPort = FreePort.Next();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort);
            silo.AddEquipmentGrains(new ClusterOptions());

            // State is written to nowhere: a store inside the silo (memory storage) would double what is counted.
            silo.Services.AddKeyedSingleton<IGrainStorage, DiscardingStorage>(EquipmentStorage.Name);
        });
        using var host = builder.Build();
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();

        // Warm up code paths and the directory/feed grains so they are not counted per twin.
        await FeedTbms(grains, "warm-tbm", 50);
        await FeedTrucks(grains, "warm-truck", 50);

        var before = Heap();
        await FeedTbms(grains, "tbm", machines);
        var afterTbm = Heap();
        await FeedTrucks(grains, "truck", machines);
        var afterTruck = Heap();

        var tbm = (afterTbm - before) / machines;
        var truck = (afterTruck - afterTbm) / machines;
        Console.WriteLine($"{machines:N0} TBM twins: {(afterTbm - before) / 1048576.0:F1} MiB; {machines:N0} truck twins: {(afterTruck - afterTbm) / 1048576.0:F1} MiB (managed heap after full GC)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"twins: tbm {tbm} bytes/twin (target 32768), truck {truck} bytes/twin (target 8192), {machines} each"));
        await host.StopAsync();
        return tbm <= 32768 && truck <= 8192 ? 0 : 1;
    }

    private static long Heap()
    {
        // Let coalesced snapshot timers of the last machines fire, so only what a twin keeps is counted.
        Thread.Sleep(1500);
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>70 strokes of 6 samples (past the 64 kept) and an inspection of all 50 cutters, per TBM.</summary>
    private static async Task FeedTbms(IGrainFactory grains, string prefix, int count)
    {
        var start = DateTimeOffset.UtcNow.AddHours(-6).ToUnixTimeMilliseconds() * 1_000_000;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            var id = $"{prefix}-{i:00000}";
            var text = new StringBuilder();
            var t = start;
            var chainage = 1000.0 + i;
            for (var stroke = 0; stroke < 70; stroke++)
            {
                for (var k = 0; k < 6; k++)
                {
                    chainage += 0.29;
                    t += 10_000_000_000;
                    text.Append(CultureInfo.InvariantCulture, $"tbm,id={id},site=mine chainage_m={chainage:F3},stroke={stroke}i,thrust_kn={11000 + (k * 37)},torque_knm={1650 + (k * 11)},rpm=6,penetration_mm_rev={9.5 + (k * 0.1):F2},advance_mm_min=57,gripper_pressure_bar=310,main_bearing_temp_c=55,gear_oil_temp_c=60,hydraulic_oil_temp_c=50,power_kw=2400,boring=true {t}\n");
                }
            }

            for (var position = 1; position <= 50; position++)
            {
                text.Append(CultureInfo.InvariantCulture, $"tbm_cutter,id={id},position={position} wear_mm={position * 0.2:F1} {t}\n");
            }

            await Send(grains.GetGrain<ITbmGrain>(id), text);
        });
    }

    /// <summary>12 drive-and-park cycles (past the 10 runs kept) with brake-pad readings, per truck.</summary>
    private static async Task FeedTrucks(IGrainFactory grains, string prefix, int count)
    {
        var start = DateTimeOffset.UtcNow.AddHours(-12).ToUnixTimeMilliseconds() * 1_000_000;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            var id = $"{prefix}-{i:00000}";
            var text = new StringBuilder();
            var t = start;
            var odometer = 20000.0;
            for (var run = 0; run < 12; run++)
            {
                for (var k = 0; k < 10; k++)
                {
                    odometer += 1;
                    t += 60_000_000_000;
                    text.Append(CultureInfo.InvariantCulture, $"truck,id={id},fleet=g318 odometer_km={odometer:F1},lat=30.1,lon=101.2,altitude_m={1500 + (k * 20)},speed_kmh=60,soc_pct={80 - k},battery_temp_c=25,motor_temp_c=70,inverter_temp_c=50,ambient_temp_c=5,battery_voltage_v=400,battery_current_a=100,power_kw=40,brake_pad_mm={12 - (run * 0.01):F2} {t}\n");
                }

                for (var k = 0; k < 2; k++)
                {
                    t += 660_000_000_000;
                    text.Append(CultureInfo.InvariantCulture, $"truck,id={id},fleet=g318 odometer_km={odometer:F1},speed_kmh=0,power_kw=0,soc_pct=70 {t}\n");
                }
            }

            await Send(grains.GetGrain<ITruckGrain>(id), text);
        });
    }

    private static Task Send(IEquipmentGrain grain, StringBuilder text)
    {
        var bytes = Encoding.ASCII.GetBytes(text.ToString());
        return grain.Ingest(new TelemetryBatch(bytes, bytes.Count(b => b == (byte)'\n')));
    }

    private sealed class DiscardingStorage : IGrainStorage
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;
    }

    /// <summary>Completes at once: this benchmark measures the twins, not InfluxDB.</summary>
    private sealed class DiscardingWriter : ITelemetryWriter
    {
        public Task WriteAsync(ReadOnlyMemory<byte> lines, int points) => Task.CompletedTask;
    }
}
