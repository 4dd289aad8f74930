namespace Equipment.Admin;

/// <summary>One parsed command line: where the dashboard is, the admin key, and the HTTP call it stands for.</summary>
public sealed record AdminCommand(Uri Dashboard, string Key, HttpMethod Method, string Path, object? Body)
{
    public const string Usage = """
        usage: equipment-admin [--url URL] [--key KEY] COMMAND
          tokens create --name NAME --scope SCOPE      new device token (printed once); SCOPE: all, site:X, fleet:Y, equipment:ID (comma-separated)
          tokens list                                  device tokens, without secrets
          tokens revoke ID                             revoke a device token (the gateway refuses it within seconds)
          users create --name NAME --roles R[,R] [--scope SCOPE]
                                                       new dashboard user (key printed once); roles: viewer, operator, engineer, admin
          users list                                   dashboard users, without keys
          users delete ID                              remove a dashboard user
        --url defaults to EQUIPMENT_DASHBOARD_URL or http://127.0.0.1:5090;
        --key defaults to EQUIPMENT_ADMIN_KEY, then EQUIPMENT_DEV_TOKEN (development only). Prefer the variable: arguments show in ps.
        """;

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with a message for the user when they are wrong.</summary>
    public static AdminCommand Parse(string[] args, Func<string, string?> environment)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var words = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                if (i + 1 >= args.Length)
                {
                    throw new ArgumentException($"{args[i]} needs a value");
                }

                options[args[i][2..]] = args[++i];
            }
            else
            {
                words.Add(args[i]);
            }
        }

        var urlText = options.GetValueOrDefault("url") ?? environment("EQUIPMENT_DASHBOARD_URL") ?? "http://127.0.0.1:5090";
        var url = Uri.TryCreate(urlText, UriKind.Absolute, out var parsed) ? parsed : throw new ArgumentException($"invalid dashboard URL '{urlText}'");
        var key = options.GetValueOrDefault("key") ?? environment("EQUIPMENT_ADMIN_KEY") ?? environment("EQUIPMENT_DEV_TOKEN")
            ?? throw new ArgumentException("no admin key: pass --key or set EQUIPMENT_ADMIN_KEY");
        string Need(string name) => options.GetValueOrDefault(name) ?? throw new ArgumentException($"--{name} is required");
        string Id() => words.Count == 3 ? Uri.EscapeDataString(words[2]) : throw new ArgumentException("an ID is required");

        return (words.ElementAtOrDefault(0), words.ElementAtOrDefault(1)) switch
        {
            ("tokens", "create") => new AdminCommand(url, key, HttpMethod.Post, "/api/admin/tokens", new { name = Need("name"), scope = Need("scope") }),
            ("tokens", "list") => new AdminCommand(url, key, HttpMethod.Get, "/api/admin/tokens", null),
            ("tokens", "revoke") => new AdminCommand(url, key, HttpMethod.Delete, "/api/admin/tokens/" + Id(), null),
            ("users", "create") => new AdminCommand(url, key, HttpMethod.Post, "/api/admin/users", new
            {
                name = Need("name"),
                roles = Need("roles").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                scope = options.GetValueOrDefault("scope"),
            }),
            ("users", "list") => new AdminCommand(url, key, HttpMethod.Get, "/api/admin/users", null),
            ("users", "delete") => new AdminCommand(url, key, HttpMethod.Delete, "/api/admin/users/" + Id(), null),
            _ => throw new ArgumentException("unknown command"),
        };
    }
}
