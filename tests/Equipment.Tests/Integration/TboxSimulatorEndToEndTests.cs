using Equipment.Testing;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Equipment.Simulator.Core;
using Equipment.Simulator.Gbt32960;
using Equipment.Simulator.Registry;
using Equipment.Simulator.Trucks;

namespace Equipment.Tests.Integration;

/// <summary>
/// The simulator's T-Box (its own encoder) against the gateway's GB/T 32960 listener (its own decoder): a registered
/// truck logs in, reports 10 s frames, has a level-3 fault with the 30 s before it re-sent, logs out; the values land
/// in InfluxDB at their UTC times and in the twin's live state.
/// </summary>
[Collection(TboxSimulatorCollection.Name)]
public sealed class TboxSimulatorEndToEndTests(TboxSimulatorFixture platform)
{
    [Theory]
    [InlineData(GbtEdition.V2016)]
    [InlineData(GbtEdition.V2025)]
    public async Task SimulatedTbox_RegisteredTruck_FramesReachInfluxDbAndTheTwin(GbtEdition edition)
    {
        var id = $"tbox-{(int)edition}-{Guid.NewGuid():N}"[..20];
        var start = DateTime.UtcNow.AddMinutes(-5);
        start = start.AddTicks(-(start.Ticks % TimeSpan.TicksPerSecond));

        // The T-Box logs out at Beijing midnight (16:00 UTC) and logs in again: keep the 130 s drive inside one Beijing day.
        if (start.AddHours(8).Date != start.AddSeconds(130).AddHours(8).Date)
        {
            start = start.AddMinutes(-10);
        }
        var route = RouteProfile.Load(null);
        var truck = new TruckSimulator(id, "g318-tbox", new VehicleParameters(), route, new RouteGeometry(route), start, 1, SeedDerivation.For(7, id), 100, 1, 70);
        var identity = TboxIdentity.For(7, id);
        using (var put = await platform.Dashboard.PutAsync($"/api/equipment/{id}", new StringContent(
            RegistryBodies.Truck("T-Box truck", "g318-tbox", new VehicleParameters(), truck.RouteStartOdometerKm, identity.Vin), Encoding.UTF8, "application/json")))
        {
            put.StatusCode.Should().BeOneOf(HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.NoContent);
        }

        var builder = new SnapshotBuilder(SeedDerivation.For(7, "tbox:" + id), meanHoursBetweenFaults: 0);
        var statistics = new TboxStatistics();
        var client = new TboxClient(identity.Vin, identity.Iccid, identity.PackCodes, new TboxClientOptions
        {
            Host = "127.0.0.1",
            Port = platform.GbtPort,
            Edition = edition,
            ReplyTimeout = TimeSpan.FromSeconds(30),
            LoginRetryDelay = TimeSpan.FromSeconds(2),
        }, statistics, _ => { });
        var device = new TboxDevice(edition, new TboxTiming());
        var sent = new List<(TboxMessageKind Kind, GbtSnapshot Snapshot)>();
        var snapshots = new Dictionary<DateTime, GbtSnapshot>();
        truck.SampleSink = sample =>
        {
            if (sample.TimeUtc == start.AddSeconds(70))
            {
                builder.StartFault(sample.TimeUtc, TimeSpan.FromSeconds(5));
            }

            var snapshot = snapshots[sample.TimeUtc] = builder.Build(sample);
            foreach (var m in device.OnSample(snapshot))
            {
                if (m.Kind is TboxMessageKind.RealTime or TboxMessageKind.Resent)
                {
                    sent.Add((m.Kind, snapshots[m.TimeUtc]));
                }

                client.Enqueue(m);
            }
        };

        using var abort = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var run = client.RunAsync(abort.Token);
        truck.AdvanceTo(start.AddSeconds(130), []);
        client.Complete();
        await run;

        statistics.Logins.Should().Be(1);
        statistics.LoginFailures.Should().Be(0);
        statistics.ErrorReplies.Should().Be(0, "the gateway accepts every frame the simulator encodes");
        statistics.Logouts.Should().Be(1);
        statistics.ResentFrames.Should().BeGreaterThan(20, "the fault at +70 s re-sends the gaps of the 30 s before it");

        var rows = await Eventually(async () =>
        {
            var r = await platform.Influx.RowsAsync(PlatformFixture.Database,
                $"SELECT speed_kmh, soc_pct, odometer_km, lat, lon, insulation_kohm, alarm_level FROM truck WHERE id = '{id}'");
            return r.Count >= sent.Count ? r : null;
        });
        rows.Should().HaveCount(sent.Select(s => s.Snapshot.TimeUtc).Distinct().Count());
        foreach (var (_, s) in sent)
        {
            // Epoch nanoseconds: the frame's Beijing time, stored as UTC.
            var row = rows.Single(r => r["time"].GetInt64() == (s.TimeUtc - DateTime.UnixEpoch).Ticks * 100);
            // Within the protocol's resolution: 0.1 km/h, 0.1 km, 1 %, 10⁻⁶°.
            row["speed_kmh"].GetDouble().Should().BeApproximately(s.SpeedKmh!.Value, 0.0501);
            row["soc_pct"].GetDouble().Should().BeApproximately(s.SocPct!.Value, 0.501);
            row["odometer_km"].GetDouble().Should().BeApproximately(s.OdometerKm!.Value, 0.0501);
            row["lat"].GetDouble().Should().BeApproximately(s.Latitude, 0.51e-6);
            row["lon"].GetDouble().Should().BeApproximately(s.Longitude, 0.51e-6);
            row["alarm_level"].GetDouble().Should().Be(s.AlarmLevel);
        }

        rows.Where(r => r["alarm_level"].GetDouble() == 3).Should().HaveCount(5, "the fault lasted 5 s, each second in a 1 s frame");
        rows.Where(r => r["alarm_level"].GetDouble() == 3).Should().OnlyContain(r => r["insulation_kohm"].GetDouble() < 100);

        var cells = await platform.Influx.RowsAsync(PlatformFixture.Database, $"SELECT * FROM truck_cells WHERE id = '{id}' ORDER BY time DESC LIMIT 1");
        var last = sent.MaxBy(s => s.Snapshot.TimeUtc).Snapshot;
        cells.Should().ContainSingle();
        for (var c = 1; c <= SnapshotBuilder.Cells; c += 19)
        {
            var column = cells[0].Keys.Single(k => k.StartsWith('c') && int.TryParse(k[1..], out var n) && n == c);
            cells[0][column].GetDouble().Should().Be(Math.Round(last.CellVoltagesV[c - 1] * 1000, MidpointRounding.AwayFromZero));
        }

        var twin = await Eventually(async () =>
        {
            var t = await platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/equipment/{id}");
            return t.TryGetProperty("fields", out var f) && f.TryGetProperty("soc_pct", out _) ? (JsonElement?)t : null;
        });
        var fields = twin!.Value.GetProperty("fields");
        fields.GetProperty("soc_pct").GetProperty("value").GetDouble().Should().BeApproximately(last.SocPct!.Value, 0.501);
        fields.GetProperty("speed_kmh").GetProperty("value").GetDouble().Should().BeApproximately(last.SpeedKmh!.Value, 0.0501);
        DateTimeOffset.Parse(fields.GetProperty("soc_pct").GetProperty("time").GetString()!, CultureInfo.InvariantCulture)
            .Should().Be(new DateTimeOffset(last.TimeUtc), "Beijing time in the frame, UTC on the platform");
    }

    private static Task<T> Eventually<T>(Func<Task<T?>> attempt) =>
        Poll.UntilAsync(attempt, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(300));

    [Fact]
    public async Task SimulatedTbox_UnregisteredVin_LoginRefusedAndNothingStored()
    {
        var vin = VinCode.For(99, "nobody-" + Guid.NewGuid().ToString("N"));
        var statistics = new TboxStatistics();
        var client = new TboxClient(vin, "89860000000000000000", [], new TboxClientOptions
        {
            Host = "127.0.0.1",
            Port = platform.GbtPort,
            ReplyTimeout = TimeSpan.FromSeconds(30),
            LoginRetryDelay = TimeSpan.FromHours(1),
        }, statistics, _ => { });
        var t = DateTime.UtcNow.AddSeconds(-10);
        client.Enqueue(new TboxMessage(TboxMessageKind.RealTime, t, GbtEncoder.RealTime(GbtEdition.V2016, new GbtSnapshot { TimeUtc = t, SpeedKmh = 10, Latitude = 30, Longitude = 100 })));
        using var abort = new CancellationTokenSource();

        var run = client.RunAsync(abort.Token);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (statistics.LoginFailures == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        await abort.CancelAsync();
        await run;

        statistics.LoginFailures.Should().Be(1);
        statistics.Logins.Should().Be(0);
        statistics.RealTimeFrames.Should().Be(0);
        (await platform.Influx.RowsAsync(PlatformFixture.Database, $"SELECT speed_kmh FROM truck WHERE id = '{vin}'")).Should().BeEmpty();
    }
}
