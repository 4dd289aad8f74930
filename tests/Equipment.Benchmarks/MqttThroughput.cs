using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Equipment.Testing;
using MQTTnet;
using MQTTnet.Protocol;

namespace Equipment.Benchmarks;

/// <summary>
/// The same per-machine 10-line bodies sent once over HTTP (each device posting back-to-back) and once as QoS 1
/// MQTT messages through a local Mosquitto that the gateway subscribes to. Both runs are timed until InfluxDB
/// holds every point, with the CPU of every process (Mosquitto included) per point.
/// </summary>
public static class MqttThroughput
{
    private const int LinesPerMessage = 10;
    private const int Publishers = 16;
    private const string Database = Scenarios.E2eDatabase;

    public static async Task<int> RunAsync(Options o, Platform platform, CancellationToken ct)
    {
        var machineCount = o.Machines ?? 200;
        var requests = o.Requests ?? 30;
        var points = (long)machineCount * requests * LinesPerMessage;
        await using var broker = await MosquittoServer.StartAsync();
        await platform.StartPlatformAsync(Database, ct,
        [
            "--Mqtt:Brokers:0:Name=bench", $"--Mqtt:Brokers:0:Host={broker.Host}",
            $"--Mqtt:Brokers:0:Port={broker.Port.ToString(CultureInfo.InvariantCulture)}", "--Mqtt:Brokers:0:ClientId=bench-gateway",
            "--Mqtt:Brokers:0:Subscriptions:0:Topic=bench/+", "--Mqtt:Brokers:0:Subscriptions:0:Format=lineprotocol",
        ]);
        await WaitConnectedAsync(platform, ct);
        var pids = new Dictionary<string, int>
        {
            ["influxd"] = platform.InfluxPid,
            ["silo"] = platform.Silo!.Id,
            ["gateway"] = platform.Gateway!.Id,
            ["mosquitto"] = broker.ProcessId ?? throw new InvalidOperationException("mosquitto is not running"),
            ["client"] = Environment.ProcessId,
        };
        var meter = new CpuMeter(pids);

        var warmHttp = Machines.PerMachine(new Machines(machineCount, 7, "wh-"), 3, LinesPerMessage, Machines.BaseNs);
        var warmMqtt = Machines.PerMachine(new Machines(machineCount, 7, "wm-"), 3, LinesPerMessage, Machines.BaseNs);
        var http = Machines.PerMachine(new Machines(machineCount, 7, "h-"), requests, LinesPerMessage, Machines.BaseNs);
        var mqtt = Machines.PerMachine(new Machines(machineCount, 7, "m-"), requests, LinesPerMessage, Machines.BaseNs);
        Console.WriteLine($"{machineCount} machines x {requests} messages x {LinesPerMessage} lines = {points:N0} points per path; {Publishers} MQTT connections");

        using var poster = new Poster($"{platform.GatewayUrl}/api/v2/write?org=bench&bucket=equipment&precision=ns", Platform.DevToken, machineCount);
        var clients = new List<IMqttClient>();
        for (var i = 0; i < Publishers; i++)
        {
            var client = new MqttClientFactory().CreateMqttClient();
            await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(broker.Host, broker.Port).WithClientId($"bench-publisher-{i}").Build(), ct);
            clients.Add(client);
        }

        long expected = 0;
        expected += (long)machineCount * 3 * LinesPerMessage;
        await RunAsync("http warm-up", warmHttp, (m, body) => poster.PostAsync(body, ct), platform, expected, null, ct);
        expected += (long)machineCount * 3 * LinesPerMessage;
        await RunAsync("mqtt warm-up", warmMqtt, (m, body) => PublishAsync(clients[m % Publishers], m, body, ct), platform, expected, null, ct);
        await Task.Delay(1000, ct);

        expected += points;
        var httpResult = await RunAsync($"http (gateway /api/v2/write, {machineCount} devices)", http, (m, body) => poster.PostAsync(body, ct), platform, expected, meter, ct);
        expected += points;
        var mqttResult = await RunAsync($"mqtt (QoS 1 via Mosquitto, {machineCount} devices)", mqtt, (m, body) => PublishAsync(clients[m % Publishers], m, body, ct), platform, expected, meter, ct);
        foreach (var client in clients)
        {
            await client.DisconnectAsync(cancellationToken: ct);
            client.Dispose();
        }

        var stats = await new HttpClient().GetFromJsonAsync<JsonElement>(platform.GatewayUrl + "/stats/mqtt", ct);
        Console.WriteLine($"gateway MQTT counters: {stats.GetRawText()}");
        Report(httpResult, mqttResult);
        return 0;
    }

    private static async Task<double> PublishAsync(IMqttClient client, int machine, byte[] body, CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        var message = new MqttApplicationMessageBuilder().WithTopic($"bench/{machine}").WithPayload(body).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
        var result = await client.PublishAsync(message, ct);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"publish failed: {result.ReasonCode}");
        }

        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    /// <summary>One loop per machine, all at once; timed until InfluxDB holds <paramref name="expected"/> points in all.</summary>
    private static async Task<RunResult> RunAsync(string name, byte[][][] bodies, Func<int, byte[], Task<double>> send, Platform platform, long expected, CpuMeter? meter, CancellationToken ct)
    {
        var latencies = new Latencies();
        var total = bodies.Sum(b => b.Length);
        var points = bodies.Sum(b => b.Sum(body => (long)body.AsSpan().Count((byte)'\n')));
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var devices = bodies.Select((mine, m) => Task.Run(async () =>
        {
            await start.Task;
            var times = new List<double>(mine.Length);
            foreach (var body in mine)
            {
                times.Add(await send(m, body));
            }

            latencies.Add(times);
        }, ct)).ToArray();
        meter?.Start();
        var clock = Stopwatch.StartNew();
        start.SetResult();
        await Task.WhenAll(devices);
        var sent = clock.Elapsed.TotalSeconds;
        while (await CountAsync(platform) < expected)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new InvalidOperationException($"{name}: {await CountAsync(platform):N0} of {expected:N0} points in InfluxDB after 5 min");
            }

            await Task.Delay(100, ct);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var cpu = meter?.Stop() ?? [];
        var result = new RunResult(name, points, total, seconds, latencies, cpu);
        Console.WriteLine($"{name}: {points:N0} points in {seconds:F2} s (last sent after {sent:F2} s) = {result.PointsPerSecond:N0} points/s, ack p50 {latencies.Percentile(50):F1} ms p99 {latencies.Percentile(99):F1} ms");
        return result;
    }

    private static async Task<long> CountAsync(Platform platform) =>
        await platform.Influx.CountAsync(Database, "tbm", "chainage_m") + await platform.Influx.CountAsync(Database, "truck", "odometer_km");

    private static async Task WaitConnectedAsync(Platform platform, CancellationToken ct)
    {
        using var http = new HttpClient();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            var stats = await http.GetFromJsonAsync<JsonElement>(platform.GatewayUrl + "/stats/mqtt", ct);
            if (stats.TryGetProperty("bench", out var bench) && bench.GetProperty("isConnected").GetBoolean())
            {
                return;
            }

            await Task.Delay(250, ct);
        }

        throw new InvalidOperationException("the gateway did not connect to Mosquitto within 60 s");
    }

    private static void Report(RunResult http, RunResult mqtt)
    {
        var ci = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine($"{"run",-48} {"points",10} {"messages",9} {"seconds",8} {"points/s",10} {"msgs/s",8} {"p50 ms",8} {"p99 ms",8}");
        foreach (var r in new[] { http, mqtt })
        {
            Console.WriteLine(string.Format(ci, "{0,-48} {1,10} {2,9} {3,8:F2} {4,10:F0} {5,8:F0} {6,8:F1} {7,8:F1}", r.Name, r.Points, r.Requests, r.Seconds, r.PointsPerSecond, r.Requests / r.Seconds, r.Latencies.Percentile(50), r.Latencies.Percentile(99)));
        }

        Console.WriteLine();
        Console.WriteLine($"{"CPU during run",-14} {"http s",8} {"http µs/pt",11} {"mqtt s",8} {"mqtt µs/pt",11}");
        foreach (var process in http.CpuSeconds.Keys.Where(k => k != CpuMeter.Machine))
        {
            var a = http.CpuSeconds[process];
            var b = mqtt.CpuSeconds[process];
            Console.WriteLine(string.Format(ci, "{0,-14} {1,8:F2} {2,11:F2} {3,8:F2} {4,11:F2}", process, a, a * 1e6 / http.Points, b, b * 1e6 / mqtt.Points));
        }

        double Platform(RunResult r) => r.CpuSeconds.Where(p => p.Key is "gateway" or "silo" or "influxd").Sum(p => p.Value);
        Console.WriteLine(string.Format(ci, "{0,-14} {1,8:F2} {2,11:F2} {3,8:F2} {4,11:F2}", "gw+silo+influx", Platform(http), Platform(http) * 1e6 / http.Points, Platform(mqtt), Platform(mqtt) * 1e6 / mqtt.Points));
        Console.WriteLine();
        Console.WriteLine(string.Format(ci, "mqtt: {0:F0} points/s ({1:F0} messages/s), http {2:F0} points/s, ratio {3:F2}; gateway CPU per point mqtt/http {4:F2}",
            mqtt.PointsPerSecond, mqtt.Requests / mqtt.Seconds, http.PointsPerSecond, mqtt.PointsPerSecond / http.PointsPerSecond,
            mqtt.CpuSeconds["gateway"] / mqtt.Points / (http.CpuSeconds["gateway"] / http.Points)));
    }
}
