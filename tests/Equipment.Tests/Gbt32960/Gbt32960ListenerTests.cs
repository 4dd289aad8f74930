using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Equipment.Gbt32960.Framing;
using Equipment.Tests.Integration;
using Equipment.Tests.Security;

namespace Equipment.Tests.Gbt32960;

/// <summary>T-Boxes on real loopback TCP against the real gateway, silo, InfluxDB and dashboard.</summary>
[Collection(Gbt32960Collection.Name)]
public sealed class Gbt32960ListenerTests(Gbt32960Fixture platform)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Realtime_RegisteredVin_LandsInInfluxInUtcAndOnTheTwin()
    {
        var (id, vin) = await RegisterAsync();
        using var tbox = await TboxClient.ConnectAsync(platform.TboxPort);
        await tbox.SendAsync(TboxFrames.Login(Edition.V2016, vin, T0));
        var reply = await tbox.ReadFrameAsync();
        (reply.Command, reply.Ack, reply.Vin).Should().Be((Command.VehicleLogin, AckFlag.Success, vin));

        // Two frames in one write.
        await tbox.SendAsync(
            TboxFrames.Realtime(Edition.V2016, Command.Realtime, vin, TboxFrames.RealtimeData2016(T0.AddSeconds(10), speedKmh: 42.5)),
            TboxFrames.Realtime(Edition.V2016, Command.Realtime, vin, TboxFrames.RealtimeData2016(T0.AddSeconds(20), speedKmh: 43.5)));

        var rows = await RowsAsync($"SELECT * FROM truck WHERE id = '{id}'", 2);
        rows.Should().HaveCount(2);
        rows[0]["time"].GetInt64().Should().Be(NanoSeconds(T0.AddSeconds(10)), "frame times are Beijing time, stored as UTC");
        rows[0]["fleet"].GetString().Should().Be("gbt-fleet");
        rows[0]["speed_kmh"].GetDouble().Should().Be(42.5);
        rows[1]["speed_kmh"].GetDouble().Should().Be(43.5);
        rows[0]["odometer_km"].GetDouble().Should().Be(12345.6);
        rows[0]["battery_voltage_v"].GetDouble().Should().Be(600);
        rows[0]["battery_current_a"].GetDouble().Should().Be(10);
        rows[0]["power_kw"].GetDouble().Should().Be(6);
        rows[0]["insulation_kohm"].GetDouble().Should().Be(5000);
        rows[0]["lat"].GetDouble().Should().Be(30.65742);
        rows[0]["lon"].GetDouble().Should().Be(104.065735);
        rows[0]["motor_temp_c"].GetDouble().Should().Be(50);
        rows[0]["inverter_temp_c"].GetDouble().Should().Be(40);
        rows[0]["battery_temp_c"].GetDouble().Should().Be(25);
        rows[0]["battery_temp_min_c"].GetDouble().Should().Be(23);
        rows[0]["cell_voltage_max_v"].GetDouble().Should().Be(3.72);
        rows[0]["cell_voltage_min_v"].GetDouble().Should().Be(3.7);
        rows[0]["ignition"].GetBoolean().Should().BeTrue();
        rows[0]["charging"].GetInt64().Should().Be(3);
        rows[0]["alarm_level"].GetInt64().Should().Be(0);

        var cells = await RowsAsync($"SELECT * FROM truck_cells WHERE id = '{id}'", 2);
        cells[0]["subsystem"].GetString().Should().Be("1");
        cells[0]["c001"].GetInt64().Should().Be(3700);
        cells[0]["c002"].GetInt64().Should().Be(3720);
        var probes = await RowsAsync($"SELECT * FROM truck_probes WHERE id = '{id}'", 2);
        probes[0]["t001"].GetInt64().Should().Be(23);

        var twin = await SecurityClient.EventuallyAsync(
            () => platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/equipment/{id}"),
            t => t.GetProperty("fields").TryGetProperty("speed_kmh", out var f) && f.GetProperty("value").GetDouble() == 43.5);
        twin.GetProperty("fields").GetProperty("insulation_kohm").GetProperty("value").GetDouble().Should().Be(5000);
        twin.GetProperty("fields").TryGetProperty("c001", out _).Should().BeFalse("cell fields are history, not live state");
    }

    [Theory]
    [InlineData(Edition.V2016, AckFlag.Error)]
    [InlineData(Edition.V2025, AckFlag.VinUnknown)]
    public async Task Login_UnregisteredVin_IsRefusedClosedAndNothingStored(Edition edition, byte expectedAck)
    {
        var vin = TboxFrames.NewVin();
        using var tbox = await TboxClient.ConnectAsync(platform.TboxPort);
        await tbox.SendAsync(TboxFrames.Login(edition, vin, T0), TboxFrames.Realtime(Edition.V2016, Command.Realtime, vin, TboxFrames.RealtimeData2016(T0)));

        var reply = await tbox.ReadFrameAsync();

        (reply.Command, reply.Ack).Should().Be((Command.VehicleLogin, expectedAck));
        (await tbox.IsClosedAsync()).Should().BeTrue();
        (await platform.Dashboard.GetAsync($"/api/equipment/{vin}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await platform.Influx.RowsAsync(PlatformFixture.Database, $"SELECT * FROM truck WHERE id = '{vin}'")).Should().BeEmpty();
    }

    [Fact]
    public async Task Realtime_WrongBcc_GetsAnErrorReplyAndIsNotStored()
    {
        var (id, vin) = await RegisterAsync();
        using var tbox = await LoggedInAsync(vin);
        var bad = TboxFrames.Realtime(Edition.V2016, Command.Realtime, vin, TboxFrames.RealtimeData2016(T0.AddMinutes(1)));
        bad[^1] ^= 0x5A;

        await tbox.SendAsync(bad, TboxFrames.Realtime(Edition.V2016, Command.Realtime, vin, TboxFrames.RealtimeData2016(T0.AddMinutes(2))));
        var reply = await tbox.ReadFrameAsync();

        (reply.Command, reply.Ack).Should().Be((Command.Realtime, AckFlag.Error));
        var rows = await RowsAsync($"SELECT speed_kmh FROM truck WHERE id = '{id}'", 1);
        await Task.Delay(500);
        rows = await platform.Influx.RowsAsync(PlatformFixture.Database, $"SELECT speed_kmh FROM truck WHERE id = '{id}'");
        rows.Should().ContainSingle().Which["time"].GetInt64().Should().Be(NanoSeconds(T0.AddMinutes(2)));
    }

    [Fact]
    public async Task Login_SentByteByByte_IsAnswered()
    {
        var (_, vin) = await RegisterAsync();
        using var tbox = await TboxClient.ConnectAsync(platform.TboxPort);

        await tbox.SendByteByByteAsync(TboxFrames.Login(Edition.V2025, vin, T0));

        (await tbox.ReadFrameAsync()).Ack.Should().Be(AckFlag.Success);
    }

    [Fact]
    public async Task Heartbeat_And_TimeSync_AreAnsweredWithSuccess()
    {
        var (_, vin) = await RegisterAsync();
        using var tbox = await LoggedInAsync(vin);

        await tbox.SendAsync(TboxFrames.Empty(Edition.V2016, Command.Heartbeat, vin), TboxFrames.Empty(Edition.V2016, Command.TimeSync, vin));
        var heartbeat = await tbox.ReadFrameAsync();
        var sync = await tbox.ReadFrameAsync();

        (heartbeat.Command, heartbeat.Ack, heartbeat.Data.Length).Should().Be((Command.Heartbeat, AckFlag.Success, 0));
        (sync.Command, sync.Ack).Should().Be((Command.TimeSync, AckFlag.Success));
        BeijingTime.TryRead(sync.Data, out var platformTime).Should().BeTrue();
        platformTime.Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Login_SameVinOnASecondConnection_ClosesTheFirst()
    {
        var (_, vin) = await RegisterAsync();
        using var first = await LoggedInAsync(vin);
        using var second = await LoggedInAsync(vin);

        (await first.IsClosedAsync()).Should().BeTrue();
        await second.SendAsync(TboxFrames.Empty(Edition.V2016, Command.Heartbeat, vin));
        (await second.ReadFrameAsync()).Ack.Should().Be(AckFlag.Success);
    }

    [Fact]
    public async Task Connection_IdleLongerThanIdleSeconds_IsClosed()
    {
        var (_, vin) = await RegisterAsync();
        using var tbox = await LoggedInAsync(vin);

        (await tbox.IsClosedAsync(Gbt32960Fixture.IdleSeconds * 10)).Should().BeTrue();
    }

    [Fact]
    public async Task Realtime_Aes128WithTheRegisteredKey_IsDecryptedAndStored()
    {
        var key = Convert.FromHexString("2B7E151628AED2A6ABF7158809CF4F3C");
        var (id, vin) = await RegisterAsync(Convert.ToHexString(key));
        using var tbox = await LoggedInAsync(vin);

        await tbox.SendAsync(TboxFrames.Realtime(Edition.V2016, Command.Realtime, vin, TboxFrames.RealtimeData2016(T0, speedKmh: 61.2), Encryption.Aes128, key));

        var rows = await RowsAsync($"SELECT speed_kmh FROM truck WHERE id = '{id}'", 1);
        rows.Single()["speed_kmh"].GetDouble().Should().Be(61.2);
    }

    [Fact]
    public async Task Realtime_EncryptedWithAnotherKey_GetsDecryptionErrorAndIsNotStored()
    {
        var (id, vin) = await RegisterAsync("000102030405060708090A0B0C0D0E0F");
        using var tbox = await TboxClient.ConnectAsync(platform.TboxPort);
        await tbox.SendAsync(TboxFrames.Login(Edition.V2025, vin, T0));
        (await tbox.ReadFrameAsync()).Ack.Should().Be(AckFlag.Success);

        await tbox.SendAsync(TboxFrames.Realtime(Edition.V2025, Command.Realtime, vin, TboxFrames.RealtimeData2016(T0), Encryption.Aes128, Convert.FromHexString("FF0102030405060708090A0B0C0D0E0F")));
        var reply = await tbox.ReadFrameAsync();

        (reply.Command, reply.Ack).Should().Be((Command.Realtime, AckFlag.DecryptionError));
        await Task.Delay(1000);
        (await platform.Influx.RowsAsync(PlatformFixture.Database, $"SELECT * FROM truck WHERE id = '{id}'")).Should().BeEmpty();
    }

    [Fact]
    public async Task Alarm_Level3ThenLevel0_OpensACriticalAlertNamingTheFlagsThenClearsIt()
    {
        var (id, vin) = await RegisterAsync();
        using var tbox = await LoggedInAsync(vin);
        var now = DateTimeOffset.UtcNow;

        await tbox.SendAsync(TboxFrames.Realtime(Edition.V2016, Command.Realtime, vin, TboxFrames.RealtimeData2016(now, alarmLevel: 3, alarmFlags: (1u << 1) | (1u << 11))));
        var raised = await SecurityClient.EventuallyAsync(
            () => platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/equipment/{id}"),
            t => DeviceAlarms(t).Any(),
            60);
        var alert = DeviceAlarms(raised).Single();
        alert.GetProperty("severity").GetString().Should().Be("critical");
        alert.GetProperty("message").GetString().Should().Be("T-Box alarm: level 3: battery high temperature, insulation failure");

        await tbox.SendAsync(TboxFrames.Realtime(Edition.V2016, Command.Realtime, vin, TboxFrames.RealtimeData2016(now.AddSeconds(1), alarmLevel: 0)));
        var cleared = await SecurityClient.EventuallyAsync(
            () => platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/equipment/{id}"),
            t => !DeviceAlarms(t).Any(),
            60);
        DeviceAlarms(cleared).Should().BeEmpty();
    }

    [Fact]
    public async Task PlatformLogin_ThenFramesOfSeveralVins_AllLandAndResentIsCountedApart()
    {
        var (idA, vinA) = await RegisterAsync();
        var (idB, vinB) = await RegisterAsync();
        var before = await platform.Gateway.GetFromJsonAsync<JsonElement>("/stats");
        using var lower = await TboxClient.ConnectAsync(platform.TboxPort);
        await lower.SendAsync(TboxFrames.PlatformLogin(Gbt32960Fixture.PlatformUser, Gbt32960Fixture.PlatformPassword, T0));
        (await lower.ReadFrameAsync()).Ack.Should().Be(AckFlag.Success);

        await lower.SendAsync(
            TboxFrames.Realtime(Edition.V2016, Command.Realtime, vinA, TboxFrames.RealtimeData2016(T0)),
            TboxFrames.Realtime(Edition.V2016, Command.Resent, vinB, TboxFrames.RealtimeData2016(T0.AddSeconds(-30))));

        (await RowsAsync($"SELECT speed_kmh FROM truck WHERE id = '{idA}'", 1)).Should().ContainSingle();
        (await RowsAsync($"SELECT speed_kmh FROM truck WHERE id = '{idB}'", 1)).Single()["time"].GetInt64().Should().Be(NanoSeconds(T0.AddSeconds(-30)));
        var after = await platform.Gateway.GetFromJsonAsync<JsonElement>("/stats");
        Counter(after, "framesResent").Should().BeGreaterThanOrEqualTo(Counter(before, "framesResent") + 1);
        Counter(after, "framesRealtime").Should().BeGreaterThanOrEqualTo(Counter(before, "framesRealtime") + 1);

        // The open connection also shows in the gateway's /metrics (the scrape is cached briefly, so ask until it does).
        var open = 0.0;
        for (var attempt = 0; attempt < 50 && open < 1; attempt++)
        {
            var text = await platform.Gateway.GetStringAsync("/metrics");
            open = text.Split('\n')
                .Where(l => l.StartsWith("equipment_gateway_gbt_connections", StringComparison.Ordinal))
                .Sum(l => double.Parse(l.Split(' ')[^1], CultureInfo.InvariantCulture));
            if (open < 1)
            {
                await Task.Delay(200);
            }
        }

        open.Should().BeGreaterThanOrEqualTo(1, "the platform connection is still open");
    }

    [Fact]
    public async Task PlatformLogin_WrongPassword_IsRefusedAndClosed()
    {
        using var lower = await TboxClient.ConnectAsync(platform.TboxPort);
        await lower.SendAsync(TboxFrames.PlatformLogin(Gbt32960Fixture.PlatformUser, "guess", T0));

        (await lower.ReadFrameAsync()).Ack.Should().Be(AckFlag.Error);
        (await lower.IsClosedAsync()).Should().BeTrue();
    }

    [Fact]
    public async Task Register_InvalidVin_Is400NamingTheField()
    {
        using var response = await platform.Dashboard.PutAsJsonAsync("/api/equipment/gbt-bad-vin", new { kind = "truck", vin = "LGBT32960TESTO001" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("vin must be 17 characters");
    }

    [Fact]
    public async Task Login_UnregisteredVinWithAcceptUnregistered_RegistersTheTruckUnderItsVin()
    {
        var port = Equipment.Testing.FreePort.Next();
        var spool = Path.Combine(Path.GetTempPath(), "equipment-spool-" + Guid.NewGuid().ToString("N")[..12]);
        var (host, _) = platform.StartHost<Equipment.Gateway.Ingest.WriteEndpoint>("Development", new Dictionary<string, string?>
        {
            ["Gateway:SpoolDirectory"] = spool,
            ["Gbt32960:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Gbt32960:LoopbackOnly"] = "true",
            ["Gbt32960:AcceptUnregistered"] = "true",
        });
        try
        {
            var vin = TboxFrames.NewVin();
            using var tbox = await TboxClient.ConnectAsync(port);
            await tbox.SendAsync(TboxFrames.Login(Edition.V2016, vin, T0));
            (await tbox.ReadFrameAsync()).Ack.Should().Be(AckFlag.Success);
            await tbox.SendAsync(TboxFrames.Realtime(Edition.V2016, Command.Realtime, vin, TboxFrames.RealtimeData2016(T0)));

            (await RowsAsync($"SELECT speed_kmh FROM truck WHERE id = '{vin}'", 1)).Should().ContainSingle();
            var registration = await platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/equipment/{vin}/registration");
            registration.GetProperty("vin").GetString().Should().Be(vin);
        }
        finally
        {
            await host.DisposeAsync();
            Directory.Delete(spool, recursive: true);
        }
    }

    [Fact]
    public async Task Realtime_TwoHundredFramesInOneBurst_AllStoredInOrderWithoutReplies()
    {
        // One read holds many frames: they are spooled together (one fsync), not one fsync per frame.
        var (id, vin) = await RegisterAsync();
        using var tbox = await TboxClient.ConnectAsync(platform.TboxPort);
        await tbox.SendAsync(TboxFrames.Login(Edition.V2016, vin, T0));
        (await tbox.ReadFrameAsync()).Ack.Should().Be(AckFlag.Success);

        await tbox.SendAsync(Enumerable.Range(0, 200)
            .Select(i => TboxFrames.Realtime(Edition.V2016, Command.Realtime, vin, TboxFrames.RealtimeData2016(T0.AddSeconds(i), speedKmh: i % 100)))
            .ToArray());
        await tbox.SendAsync(TboxFrames.Empty(Edition.V2016, Command.Heartbeat, vin));

        var reply = await tbox.ReadFrameAsync();
        reply.Command.Should().Be(Command.Heartbeat, "stored real-time frames are not answered, so the heartbeat's reply comes first");
        var rows = await RowsAsync($"SELECT speed_kmh FROM truck WHERE id = '{id}'", 200);
        rows.Select(r => r["speed_kmh"].GetDouble()).Should().Equal(Enumerable.Range(0, 200).Select(i => (double)(i % 100)));
    }

    [Fact]
    public async Task Realtime_SpoolNotWritable_EveryFrameOfTheBurstGetsAnErrorReplyAndNothingIsStored()
    {
        var port = Equipment.Testing.FreePort.Next();
        var spool = Path.Combine(Path.GetTempPath(), "equipment-spool-" + Guid.NewGuid().ToString("N")[..12]);
        var (host, _) = platform.StartHost<Equipment.Gateway.Ingest.WriteEndpoint>("Development", new Dictionary<string, string?>
        {
            ["Gateway:SpoolDirectory"] = spool,
            ["Gbt32960:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Gbt32960:LoopbackOnly"] = "true",
        });
        try
        {
            var (id, vin) = await RegisterAsync();
            using var tbox = await TboxClient.ConnectAsync(port);
            await tbox.SendAsync(TboxFrames.Login(Edition.V2016, vin, T0));
            (await tbox.ReadFrameAsync()).Ack.Should().Be(AckFlag.Success);
            Directory.Delete(spool, recursive: true);

            await tbox.SendAsync(Enumerable.Range(0, 3)
                .Select(i => TboxFrames.Realtime(Edition.V2016, Command.Realtime, vin, TboxFrames.RealtimeData2016(T0.AddSeconds(i))))
                .ToArray());

            for (var i = 0; i < 3; i++)
            {
                var reply = await tbox.ReadFrameAsync();
                reply.Command.Should().Be(Command.Realtime);
                reply.Ack.Should().Be(AckFlag.Error, "a frame that is not durable must be sent again");
            }

            (await platform.Influx.RowsAsync(PlatformFixture.Database, $"SELECT speed_kmh FROM truck WHERE id = '{id}'")).Should().BeEmpty();
        }
        finally
        {
            await host.DisposeAsync();
            if (Directory.Exists(spool))
            {
                Directory.Delete(spool, recursive: true);
            }
        }
    }

    private static IEnumerable<JsonElement> DeviceAlarms(JsonElement twin) =>
        twin.GetProperty("openAlerts").EnumerateArray().Where(a => a.GetProperty("ruleId").GetString() == "device-alarm");

    private static long Counter(JsonElement stats, string name) => stats.GetProperty("gbt32960").GetProperty(name).GetInt64();

    private static long NanoSeconds(DateTimeOffset t) => (t.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;

    private async Task<(string Id, string Vin)> RegisterAsync(string? keyHex = null)
    {
        var vin = TboxFrames.NewVin();
        var id = "gbt-" + vin.ToLowerInvariant();
        using var response = await platform.Dashboard.PutAsJsonAsync($"/api/equipment/{id}", new { kind = "truck", name = id, fleet = "gbt-fleet", vin, gbt32960Key = keyHex });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (id, vin);
    }

    private async Task<TboxClient> LoggedInAsync(string vin)
    {
        var tbox = await TboxClient.ConnectAsync(platform.TboxPort);
        await tbox.SendAsync(TboxFrames.Login(Edition.V2016, vin, T0));
        (await tbox.ReadFrameAsync()).Ack.Should().Be(AckFlag.Success);
        return tbox;
    }

    private async Task<List<Dictionary<string, JsonElement>>> RowsAsync(string query, int expected) =>
        await SecurityClient.EventuallyAsync(() => platform.Influx.RowsAsync(PlatformFixture.Database, query), rows => rows.Count >= expected, 60);
}
