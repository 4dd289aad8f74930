using System.Net;
using System.Text.Json;
using Equipment.Tests.Integration;

namespace Equipment.Tests.V1;

/// <summary>
/// The v1 surface through the real gateway, with the clients sites run unchanged: the Debian <c>influx</c> CLI
/// (1.6.7) and python3-influxdb, and the exact JSON shapes influxd 1.6.7 answers with.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class InfluxV1SurfaceTests(PlatformFixture platform)
{
    private const string Db = "equipment";

    [Fact]
    public async Task Query_StartUpStatements_AnswerInInfluxDbShapes()
    {
        (await Query("SHOW DATABASES")).Should().Be("""{"results":[{"statement_id":0,"series":[{"name":"databases","columns":["name"],"values":[["equipment"]]}]}]}""");
        (await Query("CREATE DATABASE equipment")).Should().Be("""{"results":[{"statement_id":0}]}""");
        (await Query("create database \"equipment\" WITH DURATION 30d")).Should().Be("""{"results":[{"statement_id":0}]}""");
        (await Query("SHOW MEASUREMENTS", "&db=equipment")).Should().Be("""{"results":[{"statement_id":0,"series":[{"name":"measurements","columns":["name"],"values":[["tbm"],["tbm_cutter"],["truck"],["truck_cells"],["truck_probes"]]}]}]}""");
        (await Query("SHOW RETENTION POLICIES ON equipment")).Should().StartWith("""{"results":[{"statement_id":0,"series":[{"columns":["name","duration","shardGroupDuration","replicaN","default"],"values":[["autogen","0s","168h0m0s",1,true],""");
        (await Query("SHOW RETENTION POLICIES")).Should().Be("""{"results":[{"statement_id":0,"error":"database name required"}]}""");
        (await Query("SHOW RETENTION POLICIES ON nope")).Should().Be("""{"results":[{"statement_id":0,"error":"database not found: nope"}]}""");
        (await Query("SHOW DATABASES; CREATE DATABASE equipment;")).Should().Be("""{"results":[{"statement_id":0,"series":[{"name":"databases","columns":["name"],"values":[["equipment"]]}]},{"statement_id":1}]}""");

        // Stops at the first failing statement, as InfluxDB does; the error names what to do instead.
        var failed = JsonDocument.Parse(await Query("CREATE DATABASE telegraf; SHOW DATABASES")).RootElement.GetProperty("results");
        failed.GetArrayLength().Should().Be(1);
        failed[0].GetProperty("error").GetString().Should().Contain("\"telegraf\"").And.Contain("serves \"equipment\"");
        var select = JsonDocument.Parse(await Query("SELECT * FROM tbm", "&db=equipment")).RootElement.GetProperty("results")[0];
        select.GetProperty("statement_id").GetInt32().Should().Be(0);
        select.GetProperty("error").GetString().Should().StartWith("SELECT is not served").And.Contain("dashboard");
    }

    [Fact]
    public async Task Query_PostFormAndAuth_AsInfluxDbWithAuthEnabled()
    {
        using var form = new FormUrlEncodedContent([new("q", "SHOW DATABASES"), new("u", "any"), new("p", PlatformFixture.DevToken)]);
        using var post = await platform.Gateway.PostAsync("/query", form);
        post.StatusCode.Should().Be(HttpStatusCode.OK);
        (await post.Content.ReadAsStringAsync()).Should().Contain("\"databases\"");

        using var anonymous = await platform.Gateway.GetAsync("/query?q=SHOW+DATABASES");
        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.Content.ReadAsStringAsync()).Should().Be("""{"error":"unable to parse authentication credentials"}""");
        using var wrong = await platform.Gateway.GetAsync("/query?q=SHOW+DATABASES&u=x&p=wrong");
        wrong.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await wrong.Content.ReadAsStringAsync()).Should().Be("""{"error":"authorization failed"}""");
        using var noQ = await platform.Gateway.GetAsync($"/query?p={PlatformFixture.DevToken}");
        noQ.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await noQ.Content.ReadAsStringAsync()).Should().Be("""{"error":"missing required parameter \"q\""}""");
    }

    [Fact]
    public async Task Write_OtherOrMissingDatabase_GetsInfluxDbsAnswerAndStoresNothing()
    {
        var id = Unique("v1db");
        var line = $"tbm,id={id},site=site-a thrust_kn=1 1772344800";
        using (var other = await Write($"/write?db=nope&precision=s&p={PlatformFixture.DevToken}", line))
        {
            other.StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await other.Content.ReadAsStringAsync()).Should().Be("""{"error":"database not found: \"nope\""}""");
            other.Headers.GetValues("X-Influxdb-Error").Should().Equal("database not found: \"nope\"");
        }

        using (var none = await Write($"/write?precision=s&p={PlatformFixture.DevToken}", line))
        {
            none.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            (await none.Content.ReadAsStringAsync()).Should().Be("""{"error":"database is required"}""");
        }

        using (var bucket = await Write($"/api/v2/write?bucket=other/autogen&precision=s&p={PlatformFixture.DevToken}", line))
        {
            bucket.StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await bucket.Content.ReadAsStringAsync()).Should().Be("""{"error":"database not found: \"other\""}""");
        }

        using (var rp = await Write($"/api/v2/write?bucket=equipment/autogen&precision=s&p={PlatformFixture.DevToken}", $"tbm,id={id},site=site-a thrust_kn=2 1772344801"))
        {
            rp.StatusCode.Should().Be(HttpStatusCode.NoContent);
        }

        var rows = await platform.Influx.RowsAsync(PlatformFixture.Database, $"SELECT thrust_kn FROM tbm WHERE id = '{id}'");
        rows.Select(r => r["thrust_kn"].GetDouble()).Should().Equal(2.0);
    }

    [Fact]
    public async Task PingVerboseAndV2Health_AnswerAsInfluxDb()
    {
        using var ping = await platform.Gateway.GetAsync("/ping?verbose=true");
        ping.StatusCode.Should().Be(HttpStatusCode.OK);
        ping.Headers.GetValues("X-Influxdb-Version").Should().ContainSingle();
        JsonDocument.Parse(await ping.Content.ReadAsStringAsync()).RootElement.GetProperty("version").GetString().Should().NotBeEmpty();
        using var plain = await platform.Gateway.GetAsync("/ping");
        plain.StatusCode.Should().Be(HttpStatusCode.NoContent);
        using var health = await platform.Gateway.GetAsync("/api/v2/health");
        health.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement;
        body.GetProperty("name").GetString().Should().Be("influxdb");
        body.GetProperty("status").GetString().Should().Be("pass");
    }

    [Fact]
    public async Task InfluxCli_ExecuteUseAndImportWithDdl_WorkUnchanged()
    {
        var uri = new Uri(platform.GatewayUrl);
        string[] connection = ["-host", uri.Host, "-port", uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-username", "device", "-password", PlatformFixture.DevToken];

        var (code, output) = await ExternalTool.RunAsync("influx", [.. connection, "-execute", "SHOW DATABASES"]);
        code.Should().Be(0, output);
        output.Should().Contain("equipment");

        // Interactive (the CLI needs a terminal for that, so it runs under script(1)): `use` checks the database exists
        // with SHOW DATABASES before switching, and refuses one the gateway does not serve.
        var interactive = string.Join(' ', ["influx", .. connection.Select(a => "'" + a + "'")]);
        (code, output) = await ExternalTool.RunAsync("script", ["-qec", interactive, "/dev/null"], "use equipment\nSHOW MEASUREMENTS\nuse nope\nexit\n");
        output.Should().Contain("Using database equipment").And.Contain("tbm_cutter").And.Contain("Database nope doesn't exist");

        var id = Unique("cli");
        var file = Path.Combine(Path.GetTempPath(), id + ".txt");
        await File.WriteAllTextAsync(file, $"""
            # DDL
            CREATE DATABASE equipment

            # DML
            # CONTEXT-DATABASE: equipment
            tbm,id={id},site=site-a thrust_kn=10500,torque_knm=2100 1772344800
            tbm,id={id},site=site-a thrust_kn=10600,torque_knm=2110 1772344801
            tbm,id={id},site=site-a thrust_kn=10700,torque_knm=2120 1772344802

            """);
        try
        {
            (code, output) = await ExternalTool.RunAsync("influx", [.. connection, "-import", "-path", file, "-precision", "s"]);
            code.Should().Be(0, output);
            output.Should().Contain("Processed 1 commands").And.Contain("Processed 3 inserts").And.Contain("Failed 0 inserts");
        }
        finally
        {
            File.Delete(file);
        }

        var rows = await PollRowsAsync($"SELECT thrust_kn FROM tbm WHERE id = '{id}'", 3);
        rows.Select(r => r["thrust_kn"].GetDouble()).Should().Equal(10500.0, 10600.0, 10700.0);
        rows[0]["time"].GetInt64().Should().Be(1772344800L * 1_000_000_000);
    }

    [Fact]
    public async Task PythonInfluxDbClient_CreateListAndWrite_WorkUnchanged()
    {
        var uri = new Uri(platform.GatewayUrl);
        var id = Unique("py");
        var script = $$"""
            from influxdb import InfluxDBClient
            c = InfluxDBClient(host='{{uri.Host}}', port={{uri.Port}}, username='device', password='{{PlatformFixture.DevToken}}', database='equipment')
            c.create_database('equipment')
            print('databases', [d['name'] for d in c.get_list_database()])
            print('measurements', [m['name'] for m in c.get_list_measurements()])
            ok = c.write_points([{'measurement': 'tbm', 'tags': {'id': '{{id}}', 'site': 'site-a'}, 'time': 1772344800 + i, 'fields': {'thrust_kn': 11000.0 + i} } for i in range(5)], time_precision='s')
            print('written', ok)
            try:
                InfluxDBClient(host='{{uri.Host}}', port={{uri.Port}}, username='device', password='{{PlatformFixture.DevToken}}', database='other').write_points([{'measurement': 'tbm', 'tags': {'id': '{{id}}'}, 'fields': {'thrust_kn': 1.0} }])
                print('other accepted')
            except Exception as e:
                print('other refused', e)
            """;
        var (code, output) = await ExternalTool.RunAsync("/usr/bin/python3", ["-c", script]);
        code.Should().Be(0, output);
        output.Should().Contain("databases ['equipment']").And.Contain("measurements ['tbm', 'tbm_cutter', 'truck', 'truck_cells', 'truck_probes']")
            .And.Contain("written True").And.Contain("other refused").And.Contain("database not found");

        var rows = await PollRowsAsync($"SELECT thrust_kn FROM tbm WHERE id = '{id}'", 5);
        rows.Select(r => r["thrust_kn"].GetDouble()).Should().Equal(11000.0, 11001.0, 11002.0, 11003.0, 11004.0);
    }

    private async Task<string> Query(string q, string extra = "")
    {
        using var response = await platform.Gateway.GetAsync($"/query?q={Uri.EscapeDataString(q)}{extra}&u=x&p={PlatformFixture.DevToken}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    private Task<HttpResponseMessage> Write(string path, string body) => platform.Gateway.PostAsync(path, new StringContent(body));

    private async Task<List<Dictionary<string, JsonElement>>> PollRowsAsync(string influxQl, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var rows = await platform.Influx.RowsAsync(PlatformFixture.Database, influxQl);
            if (rows.Count >= count || DateTime.UtcNow > deadline)
            {
                return rows;
            }

            await Task.Delay(200);
        }
    }

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}
