using System.Security.Claims;
using Equipment.Contracts.Grains;
using Equipment.Dashboard.Security;
using Equipment.Domain.Alerts;

namespace Equipment.Dashboard.Api;

/// <summary><c>GET /api/alerts?state=…</c> and <c>POST /api/alerts/{alertId}/ack</c>.</summary>
public static class AlertEndpoints
{
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
                null or "" => null,
                "active" => AlertState.Active,
                "acknowledged" => AlertState.Acknowledged,
                "cleared" => AlertState.Cleared,
                _ => (AlertState)(-1),
            };
            if (filter == (AlertState)(-1))
            {
                return Results.Json(new { code = "invalid", message = "state must be active, acknowledged or cleared" }, statusCode: StatusCodes.Status400BadRequest);
            }

            var shards = await Task.WhenAll(EquipmentShards.AllAlertBooks(grains).Select(b => b.List(filter)));
            var alerts = shards.SelectMany(a => a).OrderByDescending(a => a.ClearedAt ?? a.AcknowledgedAt ?? a.RaisedAt).ToArray();
            if (UserScope.Of(user) is { } scope)
            {
                var allowed = await ScopedAccess.AllowedIdsAsync(grains, scope);
                alerts = alerts.Where(a => allowed.Contains(a.EquipmentId)).ToArray();
            }

            return Results.Ok(limit is { } n ? alerts.Take(n).ToArray() : alerts);
        });

        app.MapPost("/api/alerts/{alertId}/ack", async (string alertId, AcknowledgeRequest? body, ClaimsPrincipal user, IGrainFactory grains) =>
        {
            // Alert ids are "{equipmentId}:{ruleId}:{sequence}"; rule ids have no ':', equipment ids may.
            var parts = alertId.Split(':');
            if (parts.Length < 3)
            {
                return Results.NotFound(new { code = "not found", message = $"no alert '{alertId}'" });
            }

            var equipmentId = string.Join(':', parts[..^2]);
            if (await EquipmentEndpoints.FindAsync(grains, equipmentId) is not { } grain)
            {
                return Results.NotFound(new { code = "not found", message = $"no alert '{alertId}'" });
            }

            if (UserScope.Of(user) is { } scope)
            {
                var snapshot = await grain.GetSnapshot();
                if (!scope.Allows(snapshot.Id, snapshot.Kind, snapshot.Group))
                {
                    return Results.NotFound(new { code = "not found", message = $"no alert '{alertId}'" });
                }
            }

            // The record must say who really acknowledged: only an admin may enter it for someone else.
            var by = user.IsInRole(DashboardRoles.Admin) && !string.IsNullOrWhiteSpace(body?.By) ? body.By.Trim() : user.Identity!.Name!;
            var alert = await grain.Acknowledge(alertId, by);
            return alert is null
                ? Results.NotFound(new { code = "not found", message = $"no open alert '{alertId}'" })
                : Results.Ok(alert);
        }).RequireAuthorization(DashboardRoles.Operator);
        return app;
    }
}
