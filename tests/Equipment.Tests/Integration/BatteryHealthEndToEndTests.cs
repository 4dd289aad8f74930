using Equipment.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Equipment.Simulator.Core;
using Equipment.Simulator.Gbt32960;
using Equipment.Simulator.Registry;
using Equipment.Simulator.Trucks;
using Xunit.Abstractions;

namespace Equipment.Tests.Integration;

/// <summary>
/// Battery health through the real gateway (GB/T 32960 listener), silo and InfluxDB: the simulator's aged truck (a pack
/// holding 92 % of its rated capacity, one cell drifting) reaches Luding at 20 %, charges at 60 kW to 95 % and drives
/// on, reporting as a T-Box (whole-per-cent SOC, 10 s frames). The platform must find the one session, estimate the
/// capacity from ΔAh ÷ ΔSOC, store it as <c>truck_charge</c>, and store the cell spread of every frame in <c>truck</c>.
/// </summary>
[Collection(TboxSimulatorCollection.Name)]
public sealed class BatteryHealthEndToEndTests(TboxSimulatorFixture platform, ITestOutputHelper output)
{
    [Fact]
    public async Task AgedTboxTruck_ChargesAtLuding_SessionSohAndSpreadTrendStored()
    {
        var id = $"bh-{Guid.NewGuid():N}"[..16];
        var start = DateTime.UtcNow.AddHours(-2.2);
        start = start.AddTicks(-(start.Ticks % TimeSpan.TicksPerSecond));
        var route = RouteProfile.Load(null);
        var vehicle = new VehicleParameters { CapacityFactor = 0.92 };
        var truck = new TruckSimulator(id, "g318-bh", vehicle, route, new RouteGeometry(route), start, 1, SeedDerivation.For(11, id), 305, 1, 20);
        var identity = TboxIdentity.For(11, id);
        using (var put = await platform.Dashboard.PutAsync($"/api/equipment/{id}", new StringContent(
            RegistryBodies.Truck("Aged truck", "g318-bh", vehicle, truck.RouteStartOdometerKm, identity.Vin), Encoding.UTF8, "application/json")))
        {
            put.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var builder = new SnapshotBuilder(SeedDerivation.For(11, "tbox:" + id), meanHoursBetweenFaults: 0) { CellDriftMvPerHour = 60 };
        var client = new TboxClient(identity.Vin, identity.Iccid, identity.PackCodes, new TboxClientOptions
        {
            Host = "127.0.0.1",
            Port = platform.GbtPort,
            ReplyTimeout = TimeSpan.FromSeconds(60),
            LoginRetryDelay = TimeSpan.FromSeconds(2),
        }, new TboxStatistics(), _ => { });
        var device = new TboxDevice(GbtEdition.V2016, new TboxTiming());
        var realTime = new List<GbtSnapshot>();
        truck.SampleSink = sample =>
        {
            var snapshot = builder.Build(sample);
            foreach (var m in device.OnSample(snapshot))
            {
                if (m.Kind == TboxMessageKind.RealTime && m.TimeUtc == snapshot.TimeUtc)
                {
                    realTime.Add(snapshot);
                }

                client.Enqueue(m);
            }
        };

        // The T-Box logs out and in again at Beijing midnight (16:00 UTC); the frames go on either way.
        using var abort = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        var run = client.RunAsync(abort.Token);
        truck.AdvanceTo(start.AddHours(2), []);
        client.Complete();
        await run;

        var charged = realTime.Where(s => s.ChargingState == 1).ToList();
        charged.Should().HaveCountGreaterThan(50, "the simulated truck charged for more than 50 minutes (a frame a minute while charging)");
        var sessions = await Eventually(async () =>
        {
            var s = await platform.Dashboard.GetFromJsonAsync<JsonElement[]>($"/api/trucks/{id}/charging-sessions");
            return s is { Length: > 0 } && s[0].GetProperty("capacityAh").ValueKind == JsonValueKind.Number && s[0].GetProperty("end").GetDateTimeOffset() < new DateTimeOffset(start.AddHours(2).AddMinutes(-3)) ? s : null;
        });
        sessions.Should().ContainSingle();
        var session = sessions[0];
        session.GetProperty("start").GetDateTimeOffset().Should().Be(new DateTimeOffset(charged[0].TimeUtc));
        session.GetProperty("end").GetDateTimeOffset().Should().Be(new DateTimeOffset(charged[^1].TimeUtc));
        session.GetProperty("startSocPct").GetDouble().Should().BeApproximately(charged[0].SocPct!.Value, 1, "GB/T 32960 sends whole per cent");
        session.GetProperty("endSocPct").GetDouble().Should().BeApproximately(95, 1);
        session.GetProperty("peakPowerKw").GetDouble().Should().BeApproximately(60, 0.6);
        // The pack holds 0.92 × 273.97 Ah = 252.05 Ah; the SOC's whole per cent at both ends allows ±1/ΔSOC.
        var capacity = session.GetProperty("capacityAh").GetDouble();
        output.WriteLine(FormattableString.Invariant($"session {session}; {charged.Count} charging frames"));
        capacity.Should().BeApproximately(252.05, 252.05 * 1.5 / 75);

        var health = await platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/trucks/{id}/battery-health");
        output.WriteLine($"battery-health {health}");
        health.GetProperty("ratedCapacityAh").GetDouble().Should().BeApproximately(273.97, 0.01, "the simulator registers its nameplate");
        if (session.GetProperty("excluded").ValueKind == JsonValueKind.Null)
        {
            session.GetProperty("sohPct").GetDouble().Should().BeApproximately(92, 1.5);
            health.GetProperty("sohPct").GetDouble().Should().BeApproximately(92, 1.5);
            health.GetProperty("sessionsUsed").GetInt32().Should().Be(1);
        }
        else
        {
            health.GetProperty("sessionsUsed").GetInt32().Should().Be(0);
        }

        // The twin answers from its own state as soon as the session closes; its truck_charge point reaches InfluxDB
        // with the twin's next batch write, so wait for it (CI read an empty measurement right after the API answered).
        var stored = await Eventually(async () =>
        {
            var rows = await platform.Influx.RowsAsync(PlatformFixture.Database, $"SELECT capacity_ah, start_soc_pct, end_soc_pct FROM truck_charge WHERE id = '{id}'");
            return rows.Count > 0 ? rows : null;
        });
        stored.Should().ContainSingle();
        stored[0]["capacity_ah"].GetDouble().Should().Be(capacity);

        // The spread of each frame, derived by the twin from the extremes, next to the cells it came from.
        // The charging session is stored before the drive after it has been delivered: wait for the last frame too.
        var lastNs = (realTime[^1].TimeUtc - DateTime.UnixEpoch).Ticks * 100;
        var spreads = await Eventually(async () =>
        {
            var rows = await platform.Influx.RowsAsync(PlatformFixture.Database, $"SELECT cell_spread_mv, cell_voltage_max_v, cell_voltage_min_v FROM truck WHERE id = '{id}' AND cell_spread_mv > 0");
            return rows.Count > 0 && rows[^1]["time"].GetInt64() >= lastNs ? rows : null;
        });
        spreads.Count.Should().BeGreaterThanOrEqualTo(realTime.Count * 9 / 10);
        foreach (var row in spreads.Take(50))
        {
            row["cell_spread_mv"].GetDouble().Should().BeApproximately((row["cell_voltage_max_v"].GetDouble() - row["cell_voltage_min_v"].GetDouble()) * 1000, 0.06);
        }

        var first = spreads[0]["cell_spread_mv"].GetDouble();
        var last = spreads[^1]["cell_spread_mv"].GetDouble();
        // The weak cell sags 120 mV in two hours; the spread grows by that less how far the weak cell's own offset sat
        // above the lowest cell (σ 6 mV offsets over 96 cells: at most a few tens of mV).
        (last - first).Should().BeInRange(60, 130);
        var lastCells = realTime[^1].CellVoltagesV;
        last.Should().BeApproximately((lastCells.Max() - lastCells.Min()) * 1000, 1.01, "the stored spread is the last frame's cells' max − min");
    }

    [Fact]
    public async Task EightCharges_MoreThanTheTwinKeeps_LogComesWholeFromTwinAndInfluxDb()
    {
        // Eight 10-minute charges at −100 A (16.67 Ah each), 30 minutes apart, posted as line protocol (no T-Box):
        // the twin keeps the last five, the older three come back from truck_charge; none twice.
        var id = $"bh-lp-{Guid.NewGuid():N}"[..16];
        using (var put = await platform.Dashboard.PutAsJsonAsync($"/api/equipment/{id}", new { kind = "truck", name = "LP truck", fleet = "g318-bh" }))
        {
            put.EnsureSuccessStatusCode();
        }

        var t0 = DateTimeOffset.UtcNow.AddHours(-5);
        t0 = t0.AddTicks(-(t0.Ticks % TimeSpan.TicksPerSecond));
        var lines = new StringBuilder();
        for (var c = 0; c < 8; c++)
        {
            for (var s = 0; s < 1800; s += 10)
            {
                var at = t0.AddSeconds((c * 1800) + s);
                var charging = s <= 600;
                var soc = 30 + (charging ? s / 600.0 * 6 : 6);
                lines.Append(FormattableString.Invariant($"truck,id={id},fleet=g318-bh speed_kmh=0,soc_pct={soc:0.###},battery_voltage_v=370,battery_current_a={(charging ? -100 : 0)},battery_temp_c=25 {at.ToUnixTimeMilliseconds()}\n"));
            }
        }

        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/v2/write?org=o&bucket=equipment&precision=ms") { Content = new StringContent(lines.ToString()) })
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Token", PlatformFixture.DevToken);
            using var response = await platform.Gateway.SendAsync(request);
            response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        }

        var sessions = await Eventually(async () =>
        {
            var s = await platform.Dashboard.GetFromJsonAsync<JsonElement[]>($"/api/trucks/{id}/charging-sessions");
            return s is { Length: >= 8 } ? s : null;
        });

        sessions.Should().HaveCount(8);
        sessions.Select(s => s.GetProperty("start").GetDateTimeOffset()).Should().Equal(Enumerable.Range(0, 8).Select(c => t0.AddSeconds(c * 1800)));
        sessions.Should().OnlyContain(s => Math.Abs(s.GetProperty("chargeAh").GetDouble() - 16.67) < 0.01 && s.GetProperty("excluded").GetString()!.StartsWith("ΔSOC 6 pp", StringComparison.Ordinal));
        var csv = await platform.Dashboard.GetStringAsync($"/api/trucks/{id}/charging-sessions?format=csv");
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(9);
    }

    [Fact]
    public async Task CellArraysWithoutExtremes_SpreadsDerivedAcrossSubsystemsStoredAndSeenByTheTwin()
    {
        // A line-protocol BMS gateway sends the cells of two subsystems and the probes, but no extremes: the spread is
        // 3,402 − 3,291 = 111 mV across both subsystems, the probe difference 31 − 24 = 7 K.
        var id = $"bh-arr-{Guid.NewGuid():N}"[..16];
        using (var put = await platform.Dashboard.PutAsJsonAsync($"/api/equipment/{id}", new { kind = "truck", name = "Array truck", fleet = "g318-bh" }))
        {
            put.EnsureSuccessStatusCode();
        }

        var ms = DateTimeOffset.UtcNow.AddMinutes(-2).ToUnixTimeMilliseconds();
        var body = $"""
            truck,id={id},fleet=g318-bh soc_pct=64,battery_voltage_v=330,battery_temp_c=31,insulation_kohm=900 {ms}
            truck_cells,id={id},fleet=g318-bh,subsystem=1 c001=3350i,c002=3402i,c003=3377i {ms}
            truck_cells,id={id},fleet=g318-bh,subsystem=2 c004=3291i,c005=3360i {ms}
            truck_probes,id={id},fleet=g318-bh,subsystem=1 t001=24i,t002=31i,t003=27i {ms}

            """;
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/v2/write?org=o&bucket=equipment&precision=ms") { Content = new StringContent(body) })
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Token", PlatformFixture.DevToken);
            using var response = await platform.Gateway.SendAsync(request);
            response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        }

        var rows = await Eventually(async () =>
        {
            var r = await platform.Influx.RowsAsync(PlatformFixture.Database, $"SELECT cell_spread_mv, probe_spread_c, soc_pct FROM truck WHERE id = '{id}'");
            return r.Count == 1 && r[0]["cell_spread_mv"].ValueKind == JsonValueKind.Number ? r : null;
        });
        rows[0]["cell_spread_mv"].GetDouble().Should().Be(111);
        rows[0]["probe_spread_c"].GetDouble().Should().Be(7);
        rows[0]["soc_pct"].GetDouble().Should().Be(64, "the derived fields join the device's own point");
        var health = await platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/trucks/{id}/battery-health");
        health.GetProperty("cellSpreadMv").GetDouble().Should().Be(111);
        health.GetProperty("probeSpreadC").GetDouble().Should().Be(7);
        health.GetProperty("insulationOhmPerV").GetDouble().Should().Be(2727.3);
    }

    private static Task<T> Eventually<T>(Func<Task<T?>> attempt) =>
        Poll.UntilAsync(attempt, TimeSpan.FromSeconds(120), TimeSpan.FromMilliseconds(500));
}
