using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Equipment.Admin;
using Equipment.Testing;
using Equipment.Tests.Integration;

namespace Equipment.Tests.Import;

/// <summary>
/// The repository's sample logger file imported through the real gateway, by the real CLI and by the upload endpoint:
/// exact values in InfluxDB, refused rows by line, no duplicates on re-import, and the hour in the 30-day history.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class LoggerImportEndToEndTests(PlatformFixture platform)
{
    // 3,580 data rows (one hour at 1 Hz less a 20 s logger restart); two are broken on purpose.
    private const int DataRows = 3580;
    private const int StoredRows = DataRows - 2;
    private static readonly string Samples = Path.Combine(RepositoryPaths.Root, "data", "samples");
    private static readonly DateTimeOffset SampleStart = new(2026, 11, 10, 5, 0, 0, TimeSpan.Zero); // 06:00 in Vienna

    [Fact]
    public async Task Cli_SampleLoggerFile_StoredExactlyRefusedRowsListedAndReimportAddsNothing()
    {
        var id = "imp-" + Guid.NewGuid().ToString("N")[..8];
        var (exit, output) = await RunCliAsync(id);

        exit.Should().Be(3, "rows were refused: " + output);
        output.Should().Contain($"tbm-logger-sample.csv: {DataRows:N0} rows, {StoredRows:N0} points")
            .And.Contain("line 2350: has 4 columns, the header has 16")
            .And.Contain("line 3006: column \"Total thrust [MN]\": '14,5E' is not a number")
            .And.Contain("2 refused");

        var first = await platform.Influx.RowsAsync(PlatformFixture.Database, $"SELECT thrust_kn, gripper_pressure_bar, torque_knm, stroke, boring, site FROM tbm WHERE id = '{id}' LIMIT 1");
        first.Should().ContainSingle();
        first[0]["time"].GetInt64().Should().Be(SampleStart.ToUnixTimeMilliseconds() * 1_000_000);
        first[0]["thrust_kn"].GetDouble().Should().BeApproximately(15_031, 1e-6, "15,031 MN");
        first[0]["gripper_pressure_bar"].GetDouble().Should().BeApproximately(304.6, 1e-9, "30,46 MPa");
        first[0]["torque_knm"].GetDouble().Should().BeApproximately(2_382, 1e-6);
        first[0]["stroke"].GetInt64().Should().Be(2117);
        first[0]["boring"].GetBoolean().Should().BeTrue();
        first[0]["site"].GetString().Should().Be("sample-site");

        var counts = await Counts(id);
        counts.Should().Be((StoredRows, StoredRows - 4), "four NaN cells are gaps in one channel, not refused rows");

        // Same file again: the same series and timestamps, so InfluxDB overwrites; nothing is added.
        (exit, output) = await RunCliAsync(id);
        exit.Should().Be(3, output);
        (await Counts(id)).Should().Be(counts);

        // The hour shows in the 30-day charts once the back-fill has recomputed its rollups.
        var mean = (await platform.Influx.RowsAsync(PlatformFixture.Database, $"SELECT mean(thrust_kn) FROM tbm WHERE id = '{id}'"))[0]["mean"].GetDouble();
        // The rollup may first be computed from part of the import (delivery is batched); poll until the back-fill caught up.
        var history = await PollHistoryAsync(id, SampleStart.AddDays(-15), SampleStart.AddDays(15), mean);
        history.Tier.Should().Be("1h");
        history.Values.Should().ContainSingle().Which.Should().Be((SampleStart, history.Values[0].Value));
        history.Values[0].Value.Should().BeApproximately(mean, 1e-6);
    }

    [Fact]
    public async Task Upload_SampleLoggerFile_ImportsAndReportsRefusedRows()
    {
        var id = "upl-" + Guid.NewGuid().ToString("N")[..8];
        using var content = new MultipartFormDataContent
        {
            { new StringContent(await File.ReadAllTextAsync(Path.Combine(Samples, "tbm-logger-mapping.json"))), "mapping" },
            { new StreamContent(File.OpenRead(Path.Combine(Samples, "tbm-logger-sample.csv"))), "file", "tbm-logger-sample.csv" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/import/tbm/{id}") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", PlatformFixture.DevToken);
        using var response = await platform.Gateway.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var file = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("files")[0];
        file.GetProperty("rows").GetInt64().Should().Be(DataRows);
        file.GetProperty("points").GetInt64().Should().Be(StoredRows);
        file.GetProperty("refused").EnumerateArray().Select(r => r.GetProperty("line").GetInt64()).Should().Equal(2350, 3006);
        (await Counts(id)).Should().Be((StoredRows, StoredRows - 4));
    }

    [Fact]
    public async Task Upload_MappingWithError_400NamingTheKeyNothingStored()
    {
        var id = "bad-" + Guid.NewGuid().ToString("N")[..8];
        var mapping = (await File.ReadAllTextAsync(Path.Combine(Samples, "tbm-logger-mapping.json"))).Replace("\"unit\": \"MPa\"", "\"unit\": \"kN\"", StringComparison.Ordinal);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(mapping), "mapping" },
            { new StreamContent(File.OpenRead(Path.Combine(Samples, "tbm-logger-sample.csv"))), "file", "tbm-logger-sample.csv" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/import/tbm/{id}") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", PlatformFixture.DevToken);
        using var response = await platform.Gateway.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        body.GetProperty("key").GetString().Should().Be("channels.\"Gripper pressure [MPa]\".unit");
        body.GetProperty("message").GetString().Should().Contain("cannot convert 'kN' to gripper_pressure_bar's unit bar");
        (await Counts(id)).Should().Be((0, 0));

        using var anonymous = await platform.Gateway.PostAsync($"/api/import/tbm/{id}", new MultipartFormDataContent());
        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Cli_MappingWithError_Exit2NamingTheKey()
    {
        var mapping = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(mapping, (await File.ReadAllTextAsync(Path.Combine(Samples, "tbm-logger-mapping.json"))).Replace("\"field\": \"rpm\"", "\"field\": \"rpm_x\"", StringComparison.Ordinal));
        try
        {
            var (exit, output) = await RunCliAsync("x", mapping);
            exit.Should().Be(2);
            output.Should().Contain("mapping: channels.\"Cutterhead speed [rpm]\".field: 'rpm_x' is not a field of tbm");
        }
        finally
        {
            File.Delete(mapping);
        }
    }

    private async Task<(long Thrust, long Bearing)> Counts(string id)
    {
        var rows = await platform.Influx.RowsAsync(PlatformFixture.Database, $"SELECT count(thrust_kn) AS t, count(main_bearing_temp_c) AS b FROM tbm WHERE id = '{id}'");
        return rows.Count == 0 ? (0, 0) : (rows[0]["t"].GetInt64(), rows[0]["b"].GetInt64());
    }

    /// <summary>Runs the real CLI (equipment-admin.dll) against the fixture's gateway, the device token in the environment.</summary>
    private async Task<(int Exit, string Output)> RunCliAsync(string id, string? mapping = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[]
                 {
                     Path.ChangeExtension(typeof(AdminCommand).Assembly.Location, ".dll"), "import", "tbm", "--id", id,
                     "--mapping", mapping ?? Path.Combine(Samples, "tbm-logger-mapping.json"), "--gateway", platform.GatewayUrl,
                     "--chunk-rows", "1000", Path.Combine(Samples, "tbm-logger-sample.csv"),
                 })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["EQUIPMENT_TOKEN"] = PlatformFixture.DevToken;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    private async Task<(string Tier, List<(DateTimeOffset Time, double Value)> Values)> PollHistoryAsync(string id, DateTimeOffset from, DateTimeOffset to, double expected)
    {
        var path = $"/api/equipment/{id}/history?fields=thrust_kn&every=1h&from={Uri.EscapeDataString(from.ToString("O", CultureInfo.InvariantCulture))}&to={Uri.EscapeDataString(to.ToString("O", CultureInfo.InvariantCulture))}";
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            using var response = await platform.Dashboard.GetAsync(path);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                var times = body.GetProperty("times").EnumerateArray().Select(t => t.ValueKind == JsonValueKind.Number ? DateTimeOffset.FromUnixTimeMilliseconds(t.GetInt64()) : t.GetDateTimeOffset()).ToList();
                var present = times.Zip(body.GetProperty("values").GetProperty("thrust_kn").EnumerateArray())
                    .Where(p => p.Second.ValueKind == JsonValueKind.Number).Select(p => (p.First, p.Second.GetDouble())).ToList();
                if ((present.Count > 0 && Math.Abs(present[0].Item2 - expected) <= 1e-6) || DateTime.UtcNow > deadline)
                {
                    return (body.GetProperty("tier").GetString()!, present);
                }
            }
            else if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            await Task.Delay(500);
        }
    }
}
