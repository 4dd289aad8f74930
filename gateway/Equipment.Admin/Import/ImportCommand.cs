using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Equipment.Telemetry.Import;

namespace Equipment.Admin.Import;

/// <summary>
/// <c>equipment-admin import tbm|truck --id ID --mapping mapping.json FILES…</c>: streams logger CSV files (optionally
/// .gz, or - for stdin) through the gateway's write API with a device token, in chunks, and prints a summary.
/// Exit codes: 0 every row imported, 3 some rows refused (listed), 1 stopped by an error, 2 bad arguments or mapping.
/// </summary>
public static class ImportCommand
{
    public const string Usage = """
          import tbm|truck --id ID --mapping MAPPING.json [--gateway URL] [--token TOKEN] [--db DB] [--chunk-rows N] [--json] FILE…
                                                       stream logger CSV files (.csv, .csv.gz, - for stdin) into the platform
                                                       through the gateway (EQUIPMENT_GATEWAY_URL, default http://127.0.0.1:5080)
                                                       with a device token (EQUIPMENT_TOKEN, then EQUIPMENT_DEV_TOKEN); see data/samples
        """;

    public static async Task<int> RunAsync(string[] args, Func<string, string?> environment, TextWriter stdout, TextWriter stderr, bool terminal)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var words = new List<string>();
        var json = false;
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--json")
            {
                json = true;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                if (i + 1 >= args.Length)
                {
                    return Fail(stderr, $"{args[i]} needs a value");
                }

                options[args[i][2..]] = args[++i];
            }
            else
            {
                words.Add(args[i]);
            }
        }

        if (words.Count < 2 || words[0] is not ("tbm" or "truck"))
        {
            return Fail(stderr, "usage: import tbm|truck --id ID --mapping MAPPING.json FILE…");
        }

        if (!options.TryGetValue("id", out var id) || id.Length is 0 or > 64 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
        {
            return Fail(stderr, "--id is required: 1-64 of A-Z a-z 0-9 - _ . :");
        }

        if (!options.TryGetValue("mapping", out var mappingPath))
        {
            return Fail(stderr, "--mapping is required");
        }

        var chunkRows = 5000;
        if (options.TryGetValue("chunk-rows", out var chunkText) && (!int.TryParse(chunkText, NumberStyles.None, CultureInfo.InvariantCulture, out chunkRows) || chunkRows is < 1 or > 100_000))
        {
            return Fail(stderr, "--chunk-rows must be 1-100000");
        }

        ImportMapping mapping;
        try
        {
            mapping = ImportMapping.Load(await File.ReadAllTextAsync(mappingPath), words[0]);
        }
        catch (ImportMappingException e)
        {
            return Fail(stderr, $"{mappingPath}: {e.Message}");
        }
        catch (IOException e)
        {
            return Fail(stderr, $"cannot read {mappingPath}: {e.Message}");
        }

        var files = words.Skip(1).ToList();
        if (files.FirstOrDefault(f => f != "-" && !File.Exists(f)) is { } missing)
        {
            return Fail(stderr, $"no such file: {missing}");
        }

        var gatewayText = options.GetValueOrDefault("gateway") ?? environment("EQUIPMENT_GATEWAY_URL") ?? "http://127.0.0.1:5080";
        if (!Uri.TryCreate(gatewayText, UriKind.Absolute, out var gateway))
        {
            return Fail(stderr, $"invalid gateway URL '{gatewayText}'");
        }

        var token = options.GetValueOrDefault("token") ?? environment("EQUIPMENT_TOKEN") ?? environment("EQUIPMENT_DEV_TOKEN");
        if (string.IsNullOrEmpty(token))
        {
            return Fail(stderr, "no device token: pass --token or set EQUIPMENT_TOKEN");
        }

        using var http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromMinutes(5) };
        var sink = new GatewaySink(http, options.GetValueOrDefault("db") ?? "equipment", token);
        var importer = new LoggerImporter(mapping, id, chunkRows);
        var progress = new ProgressReporter(stderr, terminal);
        var summaries = new List<(string File, ImportSummary Summary)>();
        foreach (var file in files)
        {
            var summary = new ImportSummary();
            summaries.Add((file, summary));
            await using var stream = file == "-" ? Console.OpenStandardInput() : new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            var length = file == "-" ? 0 : stream.Length;
            await using var decoded = file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
            using var reader = new StreamReader(decoded, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 1 << 16);
            importer.Progress = s => progress.Report(file, file == "-" ? 0 : stream.Position, length, s);
            try
            {
                await importer.ImportAsync(reader, file == "-" ? "stdin" : Path.GetFileName(file), sink, CancellationToken.None, summary);
            }
            catch (ImportMappingException e)
            {
                progress.Done();
                return Fail(stderr, $"{mappingPath}: {e.Message}");
            }
            catch (HttpRequestException e)
            {
                summary.Error = $"cannot reach {gateway}: {e.Message}";
            }

            progress.Done();
            if (summary.Error is not null)
            {
                break;
            }
        }

        Print(json, summaries, stdout);
        return summaries.Any(s => s.Summary.Error is not null) ? 1 : summaries.Any(s => s.Summary.RefusedCount > 0) ? 3 : 0;
    }

    private static void Print(bool json, List<(string File, ImportSummary Summary)> summaries, TextWriter stdout)
    {
        if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(summaries.Select(s => new
            {
                file = s.File,
                rows = s.Summary.Rows,
                points = s.Summary.Points,
                fields = s.Summary.Fields,
                emptyRows = s.Summary.EmptyRows,
                refusedCount = s.Summary.RefusedCount,
                refused = s.Summary.Refused.Select(r => new { line = r.Line, reason = r.Reason }),
                error = s.Summary.Error,
            })));
            return;
        }

        foreach (var (file, s) in summaries)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{file}: {s.Rows:N0} rows, {s.Points:N0} points ({s.Fields:N0} values), {s.EmptyRows:N0} empty rows, {s.RefusedCount:N0} refused"));
            foreach (var r in s.Refused)
            {
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  line {r.Line}: {r.Reason}"));
            }

            if (s.RefusedCount > s.Refused.Count)
            {
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  … and {s.RefusedCount - s.Refused.Count:N0} more refused rows"));
            }

            if (s.Error is not null)
            {
                stdout.WriteLine($"  STOPPED: {s.Error}");
            }
        }
    }

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine(message);
        return 2;
    }
}
