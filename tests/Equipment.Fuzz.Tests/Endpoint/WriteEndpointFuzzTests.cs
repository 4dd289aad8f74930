using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Equipment.Fuzz.Tests.Support;
using Equipment.Tests.Integration;

namespace Equipment.Fuzz.Tests.Endpoint;

/// <summary>Random and mutated bodies against the real gateway (influxd + Orleans test cluster + Kestrel).</summary>
[Collection(FuzzPlatformCollection.Name)]
public sealed class WriteEndpointFuzzTests(PlatformFixture platform)
{
    private const int Seed = 4242;

    private static readonly string[] V2Precisions = ["ns", "us", "ms", "s"];

    private static readonly string[] V1Precisions = ["n", "u", "ms", "s", "m", "h"];

    [Fact]
    public async Task Write_MutatedBodies_Only204Or400Or413AndRefusalsStoreNothing()
    {
        var random = new Random(Seed);
        var refusedIds = new List<(string Id, string Describe)>();
        var statuses = new Dictionary<HttpStatusCode, int>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var cases = 0;
        for (var i = 0; i < 300 && DateTime.UtcNow < deadline; i++, cases++)
        {
            string[] ids = [$"fz{i}a", $"fz{i}b", $"fz{i}c"];
            var corpus = new Corpus(random, ids);
            var original = corpus.Body(6);
            var body = random.Next(5) == 0 ? original : new Mutator(random).Mutate(original, random.Next(1, 4));
            var gzip = random.Next(5) == 0;
            var describe = Case.Describe(Seed, i, body) + (gzip ? " (gzip)" : "");

            var path = random.Next(2) == 0
                ? "/api/v2/write?org=o&bucket=equipment&precision=" + V2Precisions[random.Next(V2Precisions.Length)]
                : "/write?db=equipment&precision=" + V1Precisions[random.Next(V1Precisions.Length)];
            describe += " to " + path;

            using var response = await Post(body, gzip, path);
            statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
            response.StatusCode.Should().BeOneOf([HttpStatusCode.NoContent, HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge], describe);
            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                await AssertLineError(response, body, describe);
            }

            if (response.StatusCode != HttpStatusCode.NoContent)
            {
                refusedIds.AddRange(ids.Select(id => (id, describe)));
            }
        }

        statuses.GetValueOrDefault(HttpStatusCode.NoContent).Should().BeGreaterThan(10, $"seed {Seed}: {cases} cases");
        statuses.GetValueOrDefault(HttpStatusCode.BadRequest).Should().BeGreaterThan(50, $"seed {Seed}: {cases} cases");
        await AssertHealthy();
        await AssertNothingStoredFor(refusedIds);
    }

    [Fact]
    public async Task Write_RandomBytes_Only400Or204AndLineNamed()
    {
        var random = new Random(Seed + 1);
        for (var i = 0; i < 100; i++)
        {
            var body = new byte[random.Next(1, 2000)];
            random.NextBytes(body);
            var describe = Case.Describe(Seed + 1, i, body);

            using var response = await Post(body, gzip: false, "/api/v2/write?org=o&bucket=equipment");

            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, describe);
            await AssertLineError(response, body, describe);
        }

        await AssertHealthy();
    }

    [Fact]
    public async Task Write_HugeBodies_413OverLimitAndLineNamedUnder()
    {
        var line = "tbm,id=fzhuge rpm=1\n"u8.ToArray();
        var over = Enumerable.Repeat(line, (int)(PlatformFixture.MaxBodyBytes / line.Length) + 2).SelectMany(x => x).ToArray();
        using (var response = await Post(over, gzip: false, "/api/v2/write?org=o&bucket=equipment"))
        {
            response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        }

        // Just under the limit with the last line broken: 400 naming that last line, nothing stored.
        var under = Enumerable.Repeat(line, (int)(PlatformFixture.MaxBodyBytes / line.Length) - 1).SelectMany(x => x).Concat("tbm,id=fzhuge rpm=NaN\n"u8.ToArray()).ToArray();
        using (var response = await Post(under, gzip: true, "/api/v2/write?org=o&bucket=equipment"))
        {
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            var json = await AssertLineError(response, under, "huge body, last line NaN");
            json.GetProperty("line").GetInt32().Should().Be(Lines.Count(under));
        }

        // A single line of backslashes as large as the limit allows.
        var backslashes = Encoding.ASCII.GetBytes("tbm,id=fzhuge,site=" + new string('\\', (int)PlatformFixture.MaxBodyBytes - 64) + " rpm=1\n");
        using (var response = await Post(backslashes, gzip: false, "/api/v2/write?org=o&bucket=equipment"))
        {
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            await AssertLineError(response, backslashes, "backslash line");
        }

        await AssertHealthy();
        await AssertNothingStoredFor([("fzhuge", "huge bodies")]);
    }

    [Fact]
    public async Task Write_TruncatedOrCorruptGzip_400AndStoresNothing()
    {
        var raw = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 2000).Select(i => $"truck,id=fzgz soc_pct={i % 100} {i}\n")));
        var packed = Compress(raw);
        var random = new Random(Seed + 2);
        var bodies = new List<(byte[] Body, string Describe)>
        {
            (packed[..(packed.Length / 2)], "cut in half"),
            (packed[..^4], "without the length trailer"),
            (packed[..^8], "without the trailer"),
            (packed[..10], "header only"),
            ("not gzip at all"u8.ToArray(), "plain text"),
        };
        for (var i = 0; i < 20; i++)
        {
            var corrupt = (byte[])packed.Clone();
            corrupt[random.Next(10, corrupt.Length)] ^= (byte)(1 << random.Next(8));
            bodies.Add((corrupt, $"seed {Seed + 2} flip {i}"));
        }

        foreach (var (body, describe) in bodies)
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentEncoding.Add("gzip");
            using var response = await Send(content, "/api/v2/write?org=o&bucket=equipment");

            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, describe);
            var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            json.GetProperty("code").GetString().Should().Be("invalid", describe);
            json.GetProperty("message").GetString().Should().NotBeNullOrEmpty(describe);
        }

        await AssertHealthy();
        await AssertNothingStoredFor([("fzgz", "corrupt gzip")]);
    }

    [Theory]
    [InlineData(65_535 - 4 - 3)]
    [InlineData(65_535 - 4 - 2)]
    [InlineData(65_535)]
    [InlineData(65_536)]
    public async Task Write_SeriesKeyNearInfluxLimit_204OnlyWhenInfluxStoresIt(int keyBytes)
    {
        // A 204 is a promise that InfluxDB has the point; near InfluxDB's key limit the gateway must refuse instead.
        var id = $"fzkey{keyBytes}";
        var prefix = $"tbm,id={id},site=";
        var body = Encoding.ASCII.GetBytes(prefix + new string('s', keyBytes - prefix.Length) + " rpm=1 1\n");

        using var response = await Post(body, gzip: false, "/api/v2/write?org=o&bucket=equipment");

        response.StatusCode.Should().BeOneOf(HttpStatusCode.NoContent, HttpStatusCode.BadRequest);
        var rows = await platform.Influx.RowsAsync(PlatformFixture.Database, $"SELECT rpm FROM tbm WHERE id = '{id}'");
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            rows.Should().ContainSingle($"a {keyBytes}-byte series key was answered 204");
        }
        else
        {
            await AssertLineError(response, body, $"{keyBytes}-byte series key");
            rows.Should().BeEmpty();
        }
    }

    [Fact]
    public async Task Write_GzipBomb_413AndStaysHealthy()
    {
        // 64 MB of zeros packs into well under the 1 MB limit; inflating must stop at the limit.
        var bomb = Compress(new byte[64 * 1024 * 1024], CompressionLevel.SmallestSize);
        bomb.Length.Should().BeLessThan((int)PlatformFixture.MaxBodyBytes);
        using var content = new ByteArrayContent(bomb);
        content.Headers.ContentEncoding.Add("gzip");

        using var response = await Send(content, "/api/v2/write?org=o&bucket=equipment");

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        await AssertHealthy();
    }

    [Fact]
    public async Task Write_GzipCutAtALineBoundaryOrEmpty_400NotAPartialWrite()
    {
        // Regression: GZipStream ends quietly at the end of a truncated body, so a prefix was stored with a 204.
        var raw = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 2000).Select(i => $"truck,id=fzcut soc_pct={i % 100} {i}\n")));
        var packed = Compress(raw);
        foreach (var (body, describe) in new[] { (packed[..(packed.Length / 2)], "cut in half"), (packed[..^1], "last byte missing"), (Array.Empty<byte>(), "empty") })
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentEncoding.Add("gzip");
            using var response = await Send(content, "/api/v2/write?org=o&bucket=equipment");

            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, describe);
        }

        using (var whole = await Post(raw, gzip: true, "/api/v2/write?org=o&bucket=equipment"))
        {
            whole.StatusCode.Should().Be(HttpStatusCode.NoContent);
        }

        (await platform.Influx.RowsAsync(PlatformFixture.Database, "SELECT soc_pct FROM truck WHERE id = 'fzcut'")).Should().HaveCount(2000);
    }

    [Fact]
    public async Task Write_UnknownFieldTypeConflictAcrossRequests_Second400NamingLine()
    {
        using (var first = await Post("tbm,id=fzconf fzextra=1i\n"u8.ToArray(), gzip: false, "/api/v2/write?org=o&bucket=equipment"))
        {
            first.StatusCode.Should().Be(HttpStatusCode.NoContent);
        }

        var body = "tbm,id=fzconf2 rpm=1\ntbm,id=fzconf2 fzextra=1.5\n"u8.ToArray();
        using var second = await Post(body, gzip: false, "/api/v2/write?org=o&bucket=equipment");

        second.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await AssertLineError(second, body, "type conflict")).GetProperty("line").GetInt32().Should().Be(2);
        await AssertNothingStoredFor([("fzconf2", "type conflict")]);
    }

    private static async Task<JsonElement> AssertLineError(HttpResponseMessage response, byte[] body, string describe)
    {
        var text = await response.Content.ReadAsStringAsync();
        var json = JsonDocument.Parse(text).RootElement;
        json.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(["code", "message", "line"], $"{text}; {describe}");
        json.GetProperty("code").GetString().Should().Be("invalid", describe);
        var line = json.GetProperty("line").GetInt32();
        line.Should().BeInRange(1, Math.Max(1, Lines.Count(body)), $"{text}; {describe}");
        var message = json.GetProperty("message").GetString();
        message.Should().StartWith($"line {line}: ", describe);
        message!.Length.Should().BeGreaterThan($"line {line}: ".Length, describe);
        return json;
    }

    private async Task AssertHealthy()
    {
        using var health = await platform.Gateway.GetAsync("/health");
        health.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    /// <summary>A sentinel written after the refused requests is stored, so anything they had let through would be too.</summary>
    private async Task AssertNothingStoredFor(IReadOnlyList<(string Id, string Describe)> refused)
    {
        var sentinel = $"fzsentinel{Guid.NewGuid():N}"[..24];
        using (var ok = await Post(Encoding.UTF8.GetBytes($"tbm,id={sentinel} rpm=1\n"), gzip: false, "/api/v2/write?org=o&bucket=equipment"))
        {
            ok.StatusCode.Should().Be(HttpStatusCode.NoContent);
        }

        (await platform.Influx.RowsAsync(PlatformFixture.Database, $"SELECT rpm FROM tbm WHERE id = '{sentinel}'")).Should().ContainSingle();
        var stored = new HashSet<string>(StringComparer.Ordinal);
        foreach (var measurement in new[] { "tbm", "tbm_cutter", "truck" })
        {
            var result = await platform.Influx.QueryAsync(PlatformFixture.Database, $"SHOW TAG VALUES FROM {measurement} WITH KEY = \"id\"");
            foreach (var value in Values(result))
            {
                stored.Add(value);
            }
        }

        refused.Where(r => stored.Contains(r.Id)).Should().BeEmpty("refused requests must store nothing");
    }

    private static IEnumerable<string> Values(JsonElement element)
    {
        // Collects the second column ("value") of every row, whatever the nesting of InfluxDB's answer.
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in element.EnumerateObject())
            {
                foreach (var v in Values(p.Value))
                {
                    yield return v;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            if (element.GetArrayLength() == 2 && element[0].ValueKind == JsonValueKind.String && element[0].GetString() == "id" && element[1].ValueKind == JsonValueKind.String)
            {
                yield return element[1].GetString()!;
                yield break;
            }

            foreach (var e in element.EnumerateArray())
            {
                foreach (var v in Values(e))
                {
                    yield return v;
                }
            }
        }
    }

    private Task<HttpResponseMessage> Post(byte[] body, bool gzip, string path)
    {
        var content = new ByteArrayContent(gzip ? Compress(body) : body);
        if (gzip)
        {
            content.Headers.ContentEncoding.Add("gzip");
        }

        return Send(content, path);
    }

    private async Task<HttpResponseMessage> Send(HttpContent content, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", PlatformFixture.DevToken);
        return await platform.Gateway.SendAsync(request);
    }

    private static byte[] Compress(byte[] raw, CompressionLevel level = CompressionLevel.Fastest)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, level))
        {
            gzip.Write(raw);
        }

        return buffer.ToArray();
    }
}
