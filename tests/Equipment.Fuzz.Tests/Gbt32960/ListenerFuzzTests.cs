using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Equipment.Gbt32960.Data;
using Equipment.Gbt32960.Framing;
using Equipment.Tests.Gbt32960;
using Equipment.Tests.Integration;

namespace Equipment.Fuzz.Tests.Gbt32960;

/// <summary>Hostile T-Box streams against the live listener (real gateway, silo, InfluxDB on loopback).</summary>
[Collection(FuzzGbtCollection.Name)]
public sealed class ListenerFuzzTests(Gbt32960Fixture platform)
{
    private const int Seed = 9602;

    /// <summary>Bad frames carry sample times in 2025; good ones in 2026, so "stored nothing bad" is one query.</summary>
    private static readonly DateTimeOffset BadTimes = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset GoodTime = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Listener_HostileStreams_NeverCrashStoreNoBadFrameAndAGoodFrameStillLands()
    {
        var random = new Random(Seed);
        var vin = TboxFrames.NewVin();
        var id = "fuzz-" + vin.ToLowerInvariant();
        using (var register = await platform.Dashboard.PutAsJsonAsync($"/api/equipment/{id}", new { kind = "truck", fleet = "fuzz", vin }))
        {
            register.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        for (var i = 0; i < 60; i++)
        {
            using var tbox = await TboxClient.ConnectAsync(platform.TboxPort);
            if (random.Next(3) > 0)
            {
                await tbox.SendAsync(TboxFrames.Login(Edition.V2016, vin, GoodTime));
            }

            try
            {
                await tbox.SendAsync(Hostile(random, vin, BadTimes.AddMinutes(i)));
            }
            catch (IOException)
            {
                // The gateway may close a connection it refused while we still write: that is an answer too.
            }
        }

        // A slow-loris: a frame header trickled slower than the idle limit allows is closed, not waited for forever.
        using (var loris = await TboxClient.ConnectAsync(platform.TboxPort))
        {
            var closed = Task.Run(() => loris.IsClosedAsync(Gbt32960Fixture.IdleSeconds * 10));
            var partial = TboxFrames.Login(Edition.V2016, vin, GoodTime);
            for (var k = 0; k < partial.Length - 1 && !closed.IsCompleted; k++)
            {
                try
                {
                    await loris.SendAsync([partial[k]]);
                }
                catch (IOException)
                {
                    break;
                }

                await Task.Delay(1000);
            }

            (await closed).Should().BeTrue("a connection that completes no frame is idle however many bytes it trickles");
        }

        // After all that, a new connection with garbage first and a good frame lands.
        using (var tbox = await TboxClient.ConnectAsync(platform.TboxPort))
        {
            await tbox.SendAsync([0x00, 0x24, 0x13, 0x23, 0x99], TboxFrames.Login(Edition.V2016, vin, GoodTime));
            (await tbox.ReadFrameAsync()).Ack.Should().Be(AckFlag.Success);
            await tbox.SendAsync(TboxFrames.Realtime(Edition.V2016, Command.Realtime, vin, TboxFrames.RealtimeData2016(GoodTime, speedKmh: 33.3)));
        }

        var good = await platform.Influx.RowsAsync(PlatformFixture.Database, $"SELECT speed_kmh FROM truck WHERE id = '{id}' AND time >= '2026-01-01T00:00:00Z'");
        for (var wait = 0; good.Count == 0 && wait < 300; wait++)
        {
            await Task.Delay(200);
            good = await platform.Influx.RowsAsync(PlatformFixture.Database, $"SELECT speed_kmh FROM truck WHERE id = '{id}' AND time >= '2026-01-01T00:00:00Z'");
        }

        good.Should().ContainSingle().Which["speed_kmh"].GetDouble().Should().Be(33.3);
        foreach (var measurement in new[] { "truck", "truck_cells", "truck_probes" })
        {
            (await platform.Influx.RowsAsync(PlatformFixture.Database, $"SELECT * FROM {measurement} WHERE id = '{id}' AND time < '2026-01-01T00:00:00Z'"))
                .Should().BeEmpty($"no bad frame may leave anything in {measurement}");
        }

        var stats = await platform.Gateway.GetFromJsonAsync<JsonElement>("/stats");
        stats.GetProperty("gbt32960").GetProperty("badFrames").GetInt64().Should().BeGreaterThan(0);
        (await platform.Gateway.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    /// <summary>
    /// Real-time frames that must all be refused: one byte changed after the BCC was computed (always a BCC failure),
    /// cut short, lying cell counts with a correct BCC, undefined info types, oversized lengths, garbage between.
    /// </summary>
    private static byte[][] Hostile(Random random, string vin, DateTimeOffset time)
    {
        var frames = new List<byte[]>();
        for (var n = random.Next(1, 6); n > 0; n--)
        {
            var data = TboxFrames.RealtimeData2016(time.AddSeconds(n));
            switch (random.Next(7))
            {
                case 0:
                    var flipped = TboxFrames.Realtime(Edition.V2016, Command.Realtime, vin, data);
                    flipped[random.Next(24, flipped.Length)] ^= (byte)random.Next(1, 256);
                    frames.Add(flipped);
                    break;
                case 1:
                    var cut = TboxFrames.Realtime(Edition.V2016, Command.Realtime, vin, data);
                    frames.Add(cut[..random.Next(1, cut.Length - 1)]);
                    // What follows completes the cut frame's claimed length: its BCC fails, or its data does not decode.
                    break;
                case 2:
                    // Cells: claims 150 in the frame but carries 2.
                    var lying = new DataUnitWriter().Time(time).Byte(0x08).Byte(1).Byte(1).Word(6000).Word(10100).Word(150).Word(1).Byte(150).Word(3700).Word(3701).ToArray();
                    frames.Add(TboxFrames.Realtime(Edition.V2016, Command.Realtime, vin, lying));
                    break;
                case 3:
                    frames.Add(TboxFrames.Realtime(Edition.V2016, Command.Realtime, vin, [.. data, 0x0B, 0x01, 0x02]));
                    break;
                case 4:
                    var oversized = TboxFrames.Realtime(Edition.V2016, Command.Realtime, vin, data);
                    oversized[22] = 0xFF;
                    oversized[23] = 0xFF;
                    frames.Add(oversized);
                    break;
                case 5:
                    var junk = new byte[random.Next(1, 500)];
                    random.NextBytes(junk);
                    frames.Add(junk);
                    break;
                default:
                    frames.Add(TboxFrames.Realtime(Edition.V2016, Command.Realtime, vin, new DataUnitWriter().Time(time).Byte(0x09).Byte(2).Byte(1).Word(300).Bytes(new byte[10]).ToArray()));
                    break;
            }
        }

        return [.. frames];
    }
}
