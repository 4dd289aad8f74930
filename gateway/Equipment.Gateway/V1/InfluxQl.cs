using System.Text;
using System.Text.RegularExpressions;

namespace Equipment.Gateway.V1;

/// <summary>
/// Just enough InfluxQL for the statements clients send before writing: split a <c>q</c> into statements and recognise
/// <c>SHOW DATABASES</c>, <c>CREATE DATABASE</c>, <c>SHOW MEASUREMENTS</c> and <c>SHOW RETENTION POLICIES</c>.
/// </summary>
public static partial class InfluxQl
{
    /// <summary>Splits on <c>;</c> outside quotes (<c>'…'</c>, <c>"…"</c>, with backslash escapes); empty statements are dropped.</summary>
    public static IReadOnlyList<string> Split(string q)
    {
        var statements = new List<string>();
        var current = new StringBuilder();
        char quote = '\0';
        for (var i = 0; i < q.Length; i++)
        {
            var c = q[i];
            if (quote != '\0')
            {
                current.Append(c);
                if (c == '\\' && i + 1 < q.Length)
                {
                    current.Append(q[++i]);
                }
                else if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c == ';')
            {
                Add();
            }
            else
            {
                if (c is '\'' or '"')
                {
                    quote = c;
                }

                current.Append(c);
            }
        }

        Add();
        return statements;

        void Add()
        {
            var text = current.ToString().Trim();
            if (text.Length > 0)
            {
                statements.Add(text);
            }

            current.Clear();
        }
    }

    /// <summary>What one statement asks for; <see cref="InfluxQlStatement.Database"/> is the <c>ON</c>/<c>CREATE</c> name, unquoted.</summary>
    public static InfluxQlStatement Classify(string statement)
    {
        if (ShowDatabases().IsMatch(statement))
        {
            return new InfluxQlStatement(InfluxQlKind.ShowDatabases, null);
        }

        if (CreateDatabase().Match(statement) is { Success: true } create)
        {
            return new InfluxQlStatement(InfluxQlKind.CreateDatabase, Unquote(create.Groups["db"].Value));
        }

        if (ShowMeasurements().Match(statement) is { Success: true } measurements)
        {
            return new InfluxQlStatement(InfluxQlKind.ShowMeasurements, OptionalName(measurements));
        }

        if (ShowRetentionPolicies().Match(statement) is { Success: true } policies)
        {
            return new InfluxQlStatement(InfluxQlKind.ShowRetentionPolicies, OptionalName(policies));
        }

        return new InfluxQlStatement(InfluxQlKind.Other, null);
    }

    private static string? OptionalName(Match match) => match.Groups["db"].Success ? Unquote(match.Groups["db"].Value) : null;

    private static string Unquote(string identifier) =>
        identifier.Length >= 2 && identifier[0] == '"' && identifier[^1] == '"'
            ? identifier[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal)
            : identifier;

    private const string Identifier = """(?<db>"(?:[^"\\]|\\.)*"|[A-Za-z_][A-Za-z0-9_]*)""";

    [GeneratedRegex(@"^\s*SHOW\s+DATABASES\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShowDatabases();

    // WITH DURATION/REPLICATION/NAME is accepted and ignored: the platform's retention is fixed (see SHOW RETENTION POLICIES).
    [GeneratedRegex(@"^\s*CREATE\s+DATABASE\s+" + Identifier + @"(\s+WITH\s+.*)?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex CreateDatabase();

    [GeneratedRegex(@"^\s*SHOW\s+MEASUREMENTS(\s+ON\s+" + Identifier + @")?(\s+(WITH|WHERE|LIMIT|OFFSET)\s+.*)?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex ShowMeasurements();

    [GeneratedRegex(@"^\s*SHOW\s+RETENTION\s+POLICIES(\s+ON\s+" + Identifier + @")?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShowRetentionPolicies();
}
