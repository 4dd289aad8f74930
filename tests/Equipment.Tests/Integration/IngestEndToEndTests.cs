using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InfluxDB.Client;
using InfluxDB.Client.Api.Domain;
using InfluxDB.Client.Writes;

namespace Equipment.Tests.Integration;

[Collection(PlatformCollection.Name)]
public sealed class IngestEndToEndTests(PlatformFixture platform)
{
    private static readonly DateTime Start = new(2026, 3, 1, 6, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task WriteApi_InfluxDbClientAsFieldDevice_StoresExactPointsAndShowsLiveState()
    {
        var id = Unique("tbm");
        var truckId = Unique("truck");
        var points = new List<PointData>();
        for (var i = 0; i < 300; i++)
        {
            points.Add(PointData.Measurement("tbm")
                .Tag("id", id)
                .Tag("site", "site-a")
                .Field("thrust_kn", 11000.5 + i)
                .Field("torque_knm", 2100.25 - i)
                .Field("stroke", (long)(i / 10))
                .Field("boring", i % 10 != 9)
                .Timestamp(Start.AddSeconds(i), WritePrecision.Ns));
        }

        for (var i = 0; i < 40; i++)
        {
            points.Add(PointData.Measurement("truck")
                .Tag("id", truckId)
                .Tag("fleet", "g318")
                .Field("soc_pct", 90.0 - (i * 0.5))
                .Field("altitude_m", 500.0 + (i * 12.5))
                .Timestamp(Start.AddSeconds(i), WritePrecision.S));
        }

        using (var client = new InfluxDBClient(platform.GatewayUrl, PlatformFixture.DevToken))
        {
            await client.GetWriteApiAsync().WritePointsAsync(points, "equipment", "equipment");
        }

        // The gateway answered 204 only after InfluxDB stored the points, so they are readable now.
        var rows = await platform.Influx.RowsAsync(PlatformFixture.Database, $"SELECT thrust_kn, torque_knm, stroke, boring, site FROM tbm WHERE id = '{id}'");
        rows.Should().HaveCount(300);
        for (var i = 0; i < 300; i++)
        {
            var row = rows[i];
            row["time"].GetInt64().Should().Be(ToNs(Start.AddSeconds(i)));
            row["thrust_kn"].GetDouble().Should().Be(11000.5 + i);
            row["torque_knm"].GetDouble().Should().Be(2100.25 - i);
            row["stroke"].GetInt64().Should().Be(i / 10);
            row["boring"].GetBoolean().Should().Be(i % 10 != 9);
            row["site"].GetString().Should().Be("site-a");
        }

        var truckRows = await platform.Influx.RowsAsync(PlatformFixture.Database, $"SELECT soc_pct, altitude_m, fleet FROM truck WHERE id = '{truckId}'");
        truckRows.Should().HaveCount(40);
        truckRows[39]["soc_pct"].GetDouble().Should().Be(90.0 - (39 * 0.5));
        truckRows[39]["fleet"].GetString().Should().Be("g318");

        var live = await platform.Dashboard.GetFromJsonAsync<JsonElement>($"/api/equipment/{id}");
        live.GetProperty("kind").GetString().Should().Be("tbm");
        live.GetProperty("site").GetString().Should().Be("site-a");
        live.GetProperty("pointsReceived").GetInt64().Should().Be(300);
        var fields = live.GetProperty("fields");
        fields.GetProperty("thrust_kn").GetProperty("value").GetDouble().Should().Be(11000.5 + 299);
        fields.GetProperty("stroke").GetProperty("value").GetDouble().Should().Be(29);
        fields.GetProperty("boring").GetProperty("value").GetBoolean().Should().BeFalse();
        fields.GetProperty("thrust_kn").GetProperty("time").GetDateTimeOffset().Should().Be(new DateTimeOffset(Start.AddSeconds(299)));

        var list = await platform.Dashboard.GetFromJsonAsync<JsonElement>("/api/equipment");
        list.EnumerateArray().Select(e => e.GetProperty("id").GetString()).Should().Contain([id, truckId]);
    }

    [Fact]
    public async Task Write_V1WithBasicAuthGzipAndMsPrecision_StoresPointsInNanoseconds()
    {
        var id = Unique("truck");
        var body = $"truck,id={id},fleet=g318 soc_pct=77.5,speed_kmh=42i 1772344800000\n# a comment line\n\ntruck,id={id},fleet=g318 soc_pct=77.25 1772344801000\n";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/write?db=equipment&precision=ms") { Content = Gzip(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("device:" + PlatformFixture.DevToken)));

        using var response = await platform.Gateway.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        var rows = await platform.Influx.RowsAsync(PlatformFixture.Database, $"SELECT soc_pct, speed_kmh FROM truck WHERE id = '{id}'");
        rows.Should().HaveCount(2);
        rows[0]["time"].GetInt64().Should().Be(1772344800000L * 1_000_000);
        rows[0]["speed_kmh"].GetDouble().Should().Be(42, "an integer sent for a float field is stored as the schema's float");
        rows[1]["soc_pct"].GetDouble().Should().Be(77.25);
    }

    [Fact]
    public async Task Write_QueryTokenAndNoTimestamp_StoresAtReceiveTime()
    {
        var id = Unique("tbm");
        var before = DateTimeOffset.UtcNow;

        using var response = await platform.Gateway.PostAsync($"/write?db=equipment&u=device&p={PlatformFixture.DevToken}", new StringContent($"tbm,id={id} rpm=5.5\n"));

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        var rows = await platform.Influx.RowsAsync(PlatformFixture.Database, $"SELECT rpm FROM tbm WHERE id = '{id}'");
        rows.Should().ContainSingle();
        var stored = DateTimeOffset.UnixEpoch.AddTicks(rows[0]["time"].GetInt64() / 100);
        stored.Should().BeOnOrAfter(before.AddMilliseconds(-1)).And.BeOnOrBefore(DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Write_BadFourthLine_Returns400NamingLineAndStoresNothingOfTheRequest()
    {
        var id = Unique("tbm");
        var body = $"tbm,id={id} thrust_kn=1\ntbm,id={id} thrust_kn=2 1000000000\ntruck,id={id}-t soc_pct=50\ntbm,id={id} thrust_kn=oops\n";

        using var response = await PostV2(body, PlatformFixture.DevToken);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        error.GetProperty("code").GetString().Should().Be("invalid");
        error.GetProperty("line").GetInt32().Should().Be(4);
        error.GetProperty("message").GetString().Should().StartWith("line 4: ").And.Contain("thrust_kn");

        await AssertNothingStoredFor(id, $"{id}-t");
    }

    [Fact]
    public async Task Write_WithoutToken_Returns401()
    {
        using var response = await platform.Gateway.PostAsync("/api/v2/write?org=o&bucket=equipment", new StringContent("tbm,id=x rpm=1\n"));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("unauthorized");
    }

    [Fact]
    public async Task Write_UnknownToken_Returns401()
    {
        using var response = await PostV2("tbm,id=x rpm=1\n", "not-a-token");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Write_SiteTokenForAnotherSite_Returns403AndStoresNothing()
    {
        var own = Unique("tbm");
        var other = Unique("tbm");

        using var response = await PostV2($"tbm,id={own},site=site-a rpm=1\ntbm,id={other},site=site-b rpm=1\n", PlatformFixture.SiteToken);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("line").GetInt32().Should().Be(2);
        await AssertNothingStoredFor(own, other);
    }

    [Fact]
    public async Task Write_SiteTokenForItsSite_Returns204()
    {
        var id = Unique("tbm");

        using var response = await PostV2($"tbm,id={id},site=site-a rpm=1\n", PlatformFixture.SiteToken);

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Write_BodyOverLimit_Returns413()
    {
        var line = "tbm,id=big rpm=1\n";
        var body = new StringBuilder();
        while (body.Length <= PlatformFixture.MaxBodyBytes)
        {
            body.Append(line);
        }

        using var response = await PostV2(body.ToString(), PlatformFixture.DevToken);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Write_GzipInflatingPastLimit_Returns413()
    {
        // 64 MB of one repeated line compresses to a few hundred KB: a gzip bomb for a 1 MB limit.
        var body = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("tbm,id=bomb rpm=1\n", 64 * 1024 * 1024 / 18)));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v2/write?org=o&bucket=equipment") { Content = Gzip(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", PlatformFixture.DevToken);
        request.Content.Headers.ContentLength.Should().BeLessThan(PlatformFixture.MaxBodyBytes);

        using var response = await platform.Gateway.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Write_InvalidGzip_Returns400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v2/write?org=o&bucket=equipment") { Content = new ByteArrayContent([1, 2, 3, 4, 5]) };
        request.Content.Headers.ContentEncoding.Add("gzip");
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", PlatformFixture.DevToken);

        using var response = await platform.Gateway.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Write_InvalidPrecision_Returns400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v2/write?org=o&bucket=equipment&precision=days") { Content = new StringContent("tbm,id=x rpm=1\n") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", PlatformFixture.DevToken);

        using var response = await platform.Gateway.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Ping_GetAndHead_Return204WithInfluxVersion()
    {
        using var get = await platform.Gateway.GetAsync("/ping");
        using var head = await platform.Gateway.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/ping"));

        get.StatusCode.Should().Be(HttpStatusCode.NoContent);
        head.StatusCode.Should().Be(HttpStatusCode.NoContent);
        get.Headers.GetValues("X-Influxdb-Version").Should().ContainSingle().Which.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Health_GatewayAndDashboardConnected_Return200()
    {
        (await platform.Gateway.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await platform.Dashboard.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task GetEquipment_UnknownId_Returns404()
    {
        using var response = await platform.Dashboard.GetAsync("/api/equipment/" + Unique("none"));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private async Task<HttpResponseMessage> PostV2(string body, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v2/write?org=equipment&bucket=equipment&precision=ns") { Content = new StringContent(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", token);
        return await platform.Gateway.SendAsync(request);
    }

    /// <summary>
    /// Proves a refused request left nothing behind: a later valid write (a sentinel) is stored and visible,
    /// so anything the refused one had let through would be stored by now too.
    /// </summary>
    private async Task AssertNothingStoredFor(params string[] ids)
    {
        var sentinel = Unique("tbm");
        using (var ok = await PostV2($"tbm,id={sentinel} rpm=1\n", PlatformFixture.DevToken))
        {
            ok.StatusCode.Should().Be(HttpStatusCode.NoContent);
        }

        (await platform.Influx.RowsAsync(PlatformFixture.Database, $"SELECT rpm FROM tbm WHERE id = '{sentinel}'")).Should().ContainSingle();
        foreach (var id in ids)
        {
            (await platform.Influx.RowsAsync(PlatformFixture.Database, $"SELECT * FROM tbm, truck WHERE id = '{id}'")).Should().BeEmpty();
            (await platform.Dashboard.GetAsync("/api/equipment/" + id)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        }
    }

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    private static long ToNs(DateTime t) => (t.Ticks - DateTime.UnixEpoch.Ticks) * 100;

    private static ByteArrayContent Gzip(string text) => Gzip(Encoding.UTF8.GetBytes(text));

    private static ByteArrayContent Gzip(byte[] raw)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(raw);
        }

        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentEncoding.Add("gzip");
        return content;
    }
}
