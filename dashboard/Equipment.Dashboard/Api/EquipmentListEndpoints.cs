using System.Security.Claims;
using Equipment.Contracts.Grains;
using Equipment.Contracts.Messages;
using Equipment.Dashboard.Security;

namespace Equipment.Dashboard.Api;

/// <summary>
/// The fleet-sized reads: <c>GET /api/equipment?site=&amp;fleet=&amp;kind=&amp;state=&amp;q=&amp;limit=&amp;cursor=</c> (one page
/// of machines by id) and <c>GET /api/equipment/summary</c> (the overview's counts). Both are answered from the
/// directory shards' summaries, so they cost 32 small grain calls whatever the fleet size and wake no twin.
/// </summary>
public static class EquipmentListEndpoints
{
    public const int DefaultLimit = 100;

    public const int MaxLimit = 1000;

    private static readonly string[] PageKeys = ["site", "fleet", "kind", "state", "q", "limit", "cursor"];

    /// <summary>True when the request asks for the paged shape (any of its parameters is present).</summary>
    public static bool IsPaged(HttpRequest request) => PageKeys.Any(request.Query.ContainsKey);

    public static async Task<IResult> PageAsync(HttpRequest request, ClaimsPrincipal user, IGrainFactory grains, DateTimeOffset now)
    {
        var q = request.Query;
        string? Get(string key) => q.TryGetValue(key, out var v) && !string.IsNullOrEmpty(v.ToString()) ? v.ToString() : null;
        var errors = new List<string>();
        var kind = Get("kind");
        if (kind is not null and not ("tbm" or "truck"))
        {
            errors.Add("kind must be tbm or truck.");
        }

        var site = Get("site");
        var fleet = Get("fleet");
        if (site is not null && fleet is not null)
        {
            errors.Add("give site or fleet, not both.");
        }

        if ((site is not null && kind == "truck") || (fleet is not null && kind == "tbm"))
        {
            errors.Add("a site holds TBMs and a fleet trucks.");
        }

        kind ??= site is not null ? "tbm" : fleet is not null ? "truck" : null;
        var state = Get("state");
        if (state is not null and not ("ok" or "alerting" or "offline"))
        {
            errors.Add("state must be ok, alerting or offline.");
        }

        var limit = DefaultLimit;
        if (Get("limit") is { } l && (!int.TryParse(l, out limit) || limit < 1 || limit > MaxLimit))
        {
            errors.Add($"limit must be an integer from 1 to {MaxLimit}.");
        }

        var search = Get("q");
        if (search is { Length: > 100 })
        {
            errors.Add("q must be at most 100 characters.");
        }

        if (errors.Count > 0)
        {
            return Results.Json(new { code = "invalid", message = string.Join(" ", errors), errors }, statusCode: StatusCodes.Status400BadRequest);
        }

        var query = new EquipmentQuery(kind, site ?? fleet, state, search, Get("cursor"), limit, UserScope.Of(user)?.Items, now, EquipmentView.StaleAfter);
        var pages = await Task.WhenAll(EquipmentShards.AllDirectories(grains).Select(d => d.Query(query)));
        var merged = pages.SelectMany(p => p.Items).OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
        var items = merged.Take(limit).ToList();
        var more = merged.Count > limit || pages.Any(p => p.Items.Length == limit && p.Items.Length > 0 && string.CompareOrdinal(p.Items[^1].Id, items[^1].Id) > 0);
        return Results.Ok(new
        {
            items = items.Select(s => EquipmentView.From(s, now)),
            total = pages.Sum(p => p.Total),
            nextCursor = more && items.Count > 0 ? items[^1].Id : null,
        });
    }

    public static WebApplication MapEquipmentListApi(this WebApplication app)
    {
        app.MapGet("/api/equipment/summary", async (ClaimsPrincipal user, IGrainFactory grains, TimeProvider time) =>
        {
            var scope = UserScope.Of(user)?.Items;
            var now = time.GetUtcNow();
            var c = EquipmentCounts.Sum(await Task.WhenAll(EquipmentShards.AllDirectories(grains).Select(d => d.Counts(scope, now))));
            return Results.Ok(new
            {
                tbms = c.Tbms,
                trucks = c.Trucks,
                offline = c.Offline,
                alerts = new
                {
                    active = new[] { "critical", "major", "minor", "warning" }.ToDictionary(s => s, s => c.ActiveBySeverity.GetValueOrDefault(s)),
                    acknowledged = c.Acknowledged,
                    shelved = c.Shelved,
                },
                sites = Groups(c, "site:"),
                fleets = Groups(c, "fleet:"),
            });
        });
        return app;
    }

    private static object[] Groups(EquipmentCounts c, string prefix) =>
        c.Groups.Where(g => g.Key.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (object)new { name = g.Key[prefix.Length..], count = g.Value })
            .ToArray();
}
