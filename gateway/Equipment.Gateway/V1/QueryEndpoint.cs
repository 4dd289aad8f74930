using System.Text.Json.Nodes;
using Equipment.Contracts.Security;
using Equipment.Gateway.Ingest;
using Equipment.Telemetry.Schema;

namespace Equipment.Gateway.V1;

/// <summary>
/// <c>/query</c> for InfluxDB v1 clients: the start-up statements they send before writing get InfluxDB's own answers
/// (shapes checked against influxd 1.6.7); any other statement gets a per-statement error, because reads are the
/// dashboard's job and the gateway holds no data. Authentication is that of <c>/write</c>.
/// </summary>
public sealed class QueryEndpoint(TokenStore tokens, ServedDatabases databases)
{
    /// <summary>The platform's fixed tiers (raw, then the dashboard's rollups), in <c>SHOW RETENTION POLICIES</c>' columns.</summary>
    private static readonly object[][] RetentionPolicies =
    [
        ["autogen", "0s", "168h0m0s", 1, true],
        ["rollup_1m", "2160h0m0s", "24h0m0s", 1, false],
        ["rollup_1h", "0s", "168h0m0s", 1, false],
    ];

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var form = request.HasFormContentType ? await request.ReadFormAsync(context.RequestAborted) : null;
        string? Parameter(string name) => request.Query[name] is [{ } v] ? v : form?[name] is [{ } f] ? f : null;

        var token = Credentials.Find(request) ?? Parameter("p");
        if (string.IsNullOrEmpty(token))
        {
            return ServedDatabases.InfluxError(StatusCodes.Status401Unauthorized, "unable to parse authentication credentials");
        }

        if (await tokens.ResolveAsync(SecretHash.Of(token), context.RequestAborted) is null)
        {
            return ServedDatabases.InfluxError(StatusCodes.Status401Unauthorized, "authorization failed");
        }

        var q = Parameter("q");
        if (string.IsNullOrWhiteSpace(q))
        {
            return ServedDatabases.InfluxError(StatusCodes.Status400BadRequest, "missing required parameter \"q\"");
        }

        return Results.Json(new JsonObject { ["results"] = Answer(q, Parameter("db")) });
    }

    /// <summary>One result per statement, stopping after the first error as InfluxDB does.</summary>
    public JsonArray Answer(string q, string? db)
    {
        var results = new JsonArray();
        var statements = InfluxQl.Split(q);
        for (var i = 0; i < statements.Count; i++)
        {
            // statement_id first, as InfluxDB writes it (some clients compare bodies as text).
            var answer = Answer(InfluxQl.Classify(statements[i]), db, statements[i]);
            var result = new JsonObject { ["statement_id"] = i };
            foreach (var (key, value) in answer.ToList())
            {
                answer.Remove(key);
                result[key] = value;
            }

            results.Add(result);
            if (result.ContainsKey("error"))
            {
                break;
            }
        }

        return results;
    }

    private JsonObject Answer(InfluxQlStatement statement, string? db, string text)
    {
        switch (statement.Kind)
        {
            case InfluxQlKind.ShowDatabases:
                return Series("databases", ["name"], databases.Names.Select(n => new object[] { n }));
            case InfluxQlKind.CreateDatabase:
                // Idempotent in InfluxDB too; the database itself is made by the silo.
                return databases.IsServed(statement.Database!)
                    ? []
                    : Error($"database \"{statement.Database}\" cannot be created through the Equipment gateway: it serves \"{databases.Database}\" only (Gateway:Database, Gateway:DatabaseAliases)");
            case InfluxQlKind.ShowMeasurements:
            case InfluxQlKind.ShowRetentionPolicies:
                var name = statement.Database ?? db;
                if (string.IsNullOrEmpty(name))
                {
                    return Error("database name required");
                }

                if (!databases.IsServed(name))
                {
                    return Error("database not found: " + name);
                }

                return statement.Kind == InfluxQlKind.ShowMeasurements
                    ? Series("measurements", ["name"], TelemetrySchema.Measurements.Select(m => m.Name).Order(StringComparer.Ordinal).Select(n => new object[] { n }))
                    : Series(null, ["name", "duration", "shardGroupDuration", "replicaN", "default"], RetentionPolicies);
            default:
                var verb = text.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.ToUpperInvariant();
                return Error($"{verb} is not served by the Equipment gateway: it takes writes and answers SHOW DATABASES, CREATE DATABASE, SHOW MEASUREMENTS and SHOW RETENTION POLICIES; read data through the dashboard's history API");
        }
    }

    private static JsonObject Error(string message) => new() { ["error"] = message };

    private static JsonObject Series(string? name, string[] columns, IEnumerable<object[]> rows)
    {
        var series = new JsonObject();
        if (name is not null)
        {
            series["name"] = name;
        }

        series["columns"] = new JsonArray([.. columns.Select(c => (JsonNode)JsonValue.Create(c))]);
        series["values"] = new JsonArray([.. rows.Select(r => (JsonNode)new JsonArray([.. r.Select(ToNode)]))]);
        return new JsonObject { ["series"] = new JsonArray(series) };
    }

    private static JsonNode? ToNode(object value) => value switch
    {
        string s => JsonValue.Create(s),
        int n => JsonValue.Create(n),
        bool b => JsonValue.Create(b),
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };
}
