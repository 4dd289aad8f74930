using System.Security.Claims;
using Equipment.Contracts.Grains;
using Equipment.Dashboard.Security;
using Equipment.Domain.Alerts;
using Microsoft.Extensions.Options;

namespace Equipment.Dashboard.Api;

/// <summary>
/// <c>GET /api/alerts?state=…</c>, <c>POST /api/alerts/{alertId}/ack</c>, and shelving: <c>POST /api/alerts/{alertId}/shelve</c>
/// and <c>/unshelve</c>, <c>POST|DELETE /api/equipment/{id}/rules/{ruleId}/shelf</c>, <c>GET /api/alerts/shelves</c>,
/// <c>GET /api/equipment/{id}/shelves</c> and <c>GET /api/equipment/{id}/rules</c>.
/// </summary>
public static class AlertEndpoints
{
    public static IHostApplicationBuilder AddAlertApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AlertShelvingOptions>()
            .Bind(builder.Configuration.GetSection(AlertShelvingOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return builder;
    }

    public static WebApplication MapAlertApi(this WebApplication app)
    {
        app.MapGet("/api/alerts", async (string? state, int? limit, ClaimsPrincipal user, IGrainFactory grains) =>
        {
            if (limit is < 1)
            {
                return Results.Json(new { code = "invalid", message = "limit must be a positive integer" }, statusCode: StatusCodes.Status400BadRequest);
            }

            AlertState? filter = state switch
            {
                null or "" or "shelved" => null,
                "active" => AlertState.Active,
                "acknowledged" => AlertState.Acknowledged,
                "cleared" => AlertState.Cleared,
                _ => (AlertState)(-1),
            };
            if (filter == (AlertState)(-1))
            {
                return Results.Json(new { code = "invalid", field = "state", message = "state must be active, acknowledged, shelved or cleared" }, statusCode: StatusCodes.Status400BadRequest);
            }

            var shards = await Task.WhenAll(EquipmentShards.AllAlertBooks(grains).Select(b => b.List(filter)));
            var alerts = shards.SelectMany(a => a)
                // A shelved alert is listed under "shelved" only, not as active or acknowledged: nobody needs to act on it.
                .Where(a => state switch
                {
                    "shelved" => a.IsOpen && a.Shelf is not null,
                    "active" or "acknowledged" => a.Shelf is null,
                    _ => true,
                })
                .OrderByDescending(a => a.ClearedAt ?? a.AcknowledgedAt ?? a.RaisedAt).ToArray();
            if (UserScope.Of(user) is { } scope)
            {
                var allowed = await ScopedAccess.AllowedIdsAsync(grains, scope);
                alerts = alerts.Where(a => allowed.Contains(a.EquipmentId)).ToArray();
            }

            return Results.Ok(limit is { } n ? alerts.Take(n).ToArray() : alerts);
        });

        app.MapPost("/api/alerts/{alertId}/ack", async (string alertId, AcknowledgeRequest? body, ClaimsPrincipal user, IGrainFactory grains) =>
        {
            if (await FindAlertAsync(grains, user, alertId) is not { } found)
            {
                return Results.NotFound(new { code = "not found", message = $"no alert '{alertId}'" });
            }

            var grain = found.Grain;

            // The record must say who really acknowledged: only an admin may enter it for someone else.
            var by = user.IsInRole(DashboardRoles.Admin) && !string.IsNullOrWhiteSpace(body?.By) ? body.By.Trim() : user.Identity!.Name!;
            var alert = await grain.Acknowledge(alertId, by);
            return alert is null
                ? Results.NotFound(new { code = "not found", message = $"no open alert '{alertId}'" })
                : Results.Ok(alert);
        }).RequireAuthorization(DashboardRoles.Operator);

        app.MapPost("/api/alerts/{alertId}/shelve", async (string alertId, ShelveRequest? body, ClaimsPrincipal user, IGrainFactory grains, IOptions<AlertShelvingOptions> options) =>
        {
            if (Invalid(body, options.Value) is { } invalid)
            {
                return invalid;
            }

            if (await FindAlertAsync(grains, user, alertId) is not { } found)
            {
                return Results.NotFound(new { code = "not found", message = $"no alert '{alertId}'" });
            }

            var shelf = await found.Grain.Shelve(found.RuleId, alertId, Who(user, body?.By), body!.Reason!, TimeSpan.FromMinutes(body.Minutes!.Value));
            return shelf is null ? Results.NotFound(new { code = "not found", message = $"no open alert '{alertId}'" }) : Results.Ok(shelf);
        }).RequireAuthorization(DashboardRoles.Operator);

        // Unshelving an alert ends the shelf it is under, its own or its rule's.
        app.MapPost("/api/alerts/{alertId}/unshelve", async (string alertId, ClaimsPrincipal user, IGrainFactory grains) =>
        {
            if (await FindAlertAsync(grains, user, alertId) is not { } found)
            {
                return Results.NotFound(new { code = "not found", message = $"no alert '{alertId}'" });
            }

            var ended = await found.Grain.Unshelve(found.RuleId, Who(user, null));
            return ended is null ? Results.NotFound(new { code = "not found", message = $"alert '{alertId}' is not shelved" }) : Results.Ok(ended);
        }).RequireAuthorization(DashboardRoles.Operator);

        app.MapPost("/api/equipment/{id}/rules/{ruleId}/shelf", async (string id, string ruleId, ShelveRequest? body, ClaimsPrincipal user, IGrainFactory grains, IOptions<AlertShelvingOptions> options) =>
        {
            if (Invalid(body, options.Value) is { } invalid)
            {
                return invalid;
            }

            if (await FindMachineAsync(grains, user, id) is not { } grain)
            {
                return Results.NotFound(new { code = "not found", message = $"no equipment '{id}'" });
            }

            var shelf = await grain.Shelve(ruleId, null, Who(user, body?.By), body!.Reason!, TimeSpan.FromMinutes(body.Minutes!.Value));
            return shelf is null
                ? Results.NotFound(new { code = "not found", field = "ruleId", message = $"'{id}' has no rule '{ruleId}'" })
                : Results.Ok(shelf);
        }).RequireAuthorization(DashboardRoles.Operator);

        app.MapDelete("/api/equipment/{id}/rules/{ruleId}/shelf", async (string id, string ruleId, ClaimsPrincipal user, IGrainFactory grains) =>
        {
            if (await FindMachineAsync(grains, user, id) is not { } grain)
            {
                return Results.NotFound(new { code = "not found", message = $"no equipment '{id}'" });
            }

            var ended = await grain.Unshelve(ruleId, Who(user, null));
            return ended is null ? Results.NotFound(new { code = "not found", message = $"rule '{ruleId}' of '{id}' is not shelved" }) : Results.Ok(ended);
        }).RequireAuthorization(DashboardRoles.Operator);

        app.MapGet("/api/alerts/shelves", async (ClaimsPrincipal user, IGrainFactory grains) =>
        {
            var shards = await Task.WhenAll(EquipmentShards.AllAlertBooks(grains).Select(b => b.ListShelves()));
            var shelves = shards.SelectMany(s => s).OrderBy(s => s.Until).ToArray();
            if (UserScope.Of(user) is { } scope)
            {
                var allowed = await ScopedAccess.AllowedIdsAsync(grains, scope);
                shelves = shelves.Where(s => allowed.Contains(s.EquipmentId)).ToArray();
            }

            return Results.Ok(shelves);
        });

        app.MapGet("/api/equipment/{id}/shelves", async (string id, ClaimsPrincipal user, IGrainFactory grains) =>
            await FindMachineAsync(grains, user, id) is { } grain
                ? Results.Ok(await grain.GetShelves())
                : Results.NotFound(new { code = "not found", message = $"no equipment '{id}'" }));

        app.MapGet("/api/equipment/{id}/rules", async (string id, ClaimsPrincipal user, IGrainFactory grains) =>
            await FindMachineAsync(grains, user, id) is { } grain
                ? Results.Ok(await grain.GetRules())
                : Results.NotFound(new { code = "not found", message = $"no equipment '{id}'" }));
        return app;
    }

    /// <summary>The signed-in user; an admin may enter the action for someone else (as for acknowledgements).</summary>
    private static string Who(ClaimsPrincipal user, string? by) =>
        user.IsInRole(DashboardRoles.Admin) && !string.IsNullOrWhiteSpace(by) ? by.Trim() : user.Identity!.Name!;

    /// <summary>A 400 naming the first bad field (<c>minutes</c> or <c>reason</c>), with every problem listed; null when valid.</summary>
    private static IResult? Invalid(ShelveRequest? body, AlertShelvingOptions options)
    {
        var errors = options.Limits.Validate(body?.Minutes, body?.Reason);
        if (errors.Count == 0)
        {
            return null;
        }

        var first = errors.First();
        return Results.Json(
            new { code = "invalid", field = first.Key, message = string.Join(" ", errors.Values), errors },
            statusCode: StatusCodes.Status400BadRequest);
    }

    /// <summary>The machine an alert id belongs to, if it exists and the user may see it; its rule id too.</summary>
    private static async Task<(IEquipmentGrain Grain, string RuleId)?> FindAlertAsync(IGrainFactory grains, ClaimsPrincipal user, string alertId)
    {
        // Alert ids are "{equipmentId}:{ruleId}:{sequence}"; rule ids have no ':', equipment ids may.
        var parts = alertId.Split(':');
        if (parts.Length < 3)
        {
            return null;
        }

        var equipmentId = string.Join(':', parts[..^2]);
        return await FindMachineAsync(grains, user, equipmentId) is { } grain ? (grain, parts[^2]) : null;
    }

    /// <summary>A machine outside the user's scope is as unknown as one that does not exist.</summary>
    private static async Task<IEquipmentGrain?> FindMachineAsync(IGrainFactory grains, ClaimsPrincipal user, string id)
    {
        if (await EquipmentEndpoints.FindAsync(grains, id) is not { } grain)
        {
            return null;
        }

        if (UserScope.Of(user) is { } scope)
        {
            var snapshot = await grain.GetSnapshot();
            if (!scope.Allows(snapshot.Id, snapshot.Kind, snapshot.Group))
            {
                return null;
            }
        }

        return grain;
    }
}
