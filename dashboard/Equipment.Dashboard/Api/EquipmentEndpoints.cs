using System.Security.Claims;
using Equipment.Contracts.Grains;
using Equipment.Contracts.Hosting;
using Equipment.Contracts.Messages;
using Equipment.Domain.Alerts;
using Equipment.Domain.Tbm;
using Equipment.Domain.Truck;
using Equipment.Dashboard.Security;
using Equipment.Telemetry.Schema;

namespace Equipment.Dashboard.Api;

/// <summary>The registry and live-state REST API of CONTRACTS.md.</summary>
public static class EquipmentEndpoints
{
    public static WebApplication MapEquipmentApi(this WebApplication app)
    {
        app.MapGet("/api/equipment", async (HttpRequest request, ClaimsPrincipal user, IGrainFactory grains, TimeProvider time) =>
        {
            if (EquipmentListEndpoints.IsPaged(request))
            {
                return await EquipmentListEndpoints.PageAsync(request, user, grains, time.GetUtcNow());
            }

            // The contract's unpaged shape: every machine's full live state, from every twin (small fleets, scripts).
            var entries = (await Task.WhenAll(EquipmentShards.AllDirectories(grains).Select(d => d.List()))).SelectMany(e => e).OrderBy(e => e.Id, StringComparer.Ordinal);
            var snapshots = await Task.WhenAll(entries.Select(e => EquipmentGrains.Get(grains, e)!.GetSnapshot()));
            var now = time.GetUtcNow();
            var scope = UserScope.Of(user);
            return Results.Ok(snapshots.Where(scope.Allows).Select(s => EquipmentView.From(s, now)));
        });

        app.MapGet("/api/equipment/{id}", async (string id, IGrainFactory grains, TimeProvider time) =>
            await FindAsync(grains, id) is { } grain
                ? Results.Ok(EquipmentView.From(await grain.GetSnapshot(), time.GetUtcNow()))
                : NotFound(id));

        app.MapGet("/api/equipment/{id}/registration", async (string id, IGrainFactory grains) =>
            await FindAsync(grains, id) is { } grain ? Results.Ok(await grain.GetRegistration()) : NotFound(id));

        app.MapPut("/api/equipment/{id}", async (string id, EquipmentRegistration body, IGrainFactory grains) =>
        {
            var errors = Validate(id, body);
            if (errors.Count > 0)
            {
                return Results.Json(new { code = "invalid", message = string.Join(" ", errors), errors }, statusCode: StatusCodes.Status400BadRequest);
            }

            var kind = body.Kind == "tbm" ? EquipmentKind.Tbm : EquipmentKind.Truck;
            var existing = await FindAsync(grains, id);
            if (existing is not null && (await existing.GetSnapshot()).Kind != body.Kind)
            {
                return Results.Json(new { code = "conflict", message = $"'{id}' is already registered as another kind" }, statusCode: StatusCodes.Status409Conflict);
            }

            if (body.Vin is { } vin && await grains.GetGrain<IVinRegistryGrain>(vin).Get() is { } bound && bound.EquipmentId != id)
            {
                return Results.Json(new { code = "conflict", message = $"vin {vin} already belongs to '{bound.EquipmentId}'" }, statusCode: StatusCodes.Status409Conflict);
            }

            await EquipmentGrains.Get(grains, kind, id).Register(body);
            return Results.Ok(await EquipmentGrains.Get(grains, kind, id).GetRegistration());
        }).RequireAuthorization(DashboardRoles.Admin);

        app.MapGet("/api/tbm/{id}/strokes", async (string id, HttpContext http, IGrainFactory grains, Strokes.StrokeHistory history) =>
        {
            if (await FindAsync(grains, id) is not ITbmGrain tbm) return NotFound(id);
            if (Strokes.StrokeQuery.Parse(http.Request.Query, out var error) is not { } query)
            {
                return Results.BadRequest(new { code = "invalid", message = error });
            }

            try
            {
                var page = await history.ReadAsync(id, tbm, query, http.RequestAborted);
                return query.Paged ? Results.Ok(page) : Results.Ok(page.Items);
            }
            catch (History.InfluxQueryException e)
            {
                return Results.Json(new { code = "unavailable", message = e.Message }, statusCode: StatusCodes.Status502BadGateway);
            }
        });

        app.MapGet("/api/tbm/{id}/cutters", async (string id, IGrainFactory grains) =>
            await FindAsync(grains, id) is ITbmGrain tbm ? Results.Ok(await tbm.GetCutterWear()) : NotFound(id));

        app.MapGet("/api/trucks/{id}/runs", async (string id, HttpContext http, IGrainFactory grains, Runs.RunHistory history) =>
        {
            if (await FindAsync(grains, id) is not ITruckGrain truck) return NotFound(id);
            if (Runs.RunQuery.Parse(http.Request.Query, out var error) is not { } query)
            {
                return Results.BadRequest(new { code = "invalid", message = error, field = Runs.RunQuery.FieldOf(error!) });
            }

            try
            {
                var page = await history.ReadAsync(id, truck, query, http.RequestAborted);
                return query.Paged ? Results.Ok(page) : Results.Ok(page.Items);
            }
            catch (History.InfluxQueryException e)
            {
                return Results.Json(new { code = "unavailable", message = e.Message }, statusCode: StatusCodes.Status502BadGateway);
            }
        });

        app.MapGet("/api/routes/{routeId}", (string routeId) =>
            Equipment.Domain.Routes.KnownRoutes.Find(routeId) is { } route
                ? Results.Ok(new { id = route.Id, totalKm = route.LengthKm, waypoints = route.Waypoints, chargingPoints = route.ChargingPoints })
                : Results.NotFound(new { code = "not found", message = $"no route '{routeId}'" }));

        app.MapGet("/health", async (IGrainFactory grains) =>
            await ClusterHealth.IsReachableAsync(grains, TimeSpan.FromSeconds(2))
                ? Results.Json(new { status = "ready" })
                : Results.Json(new { status = "unavailable" }, statusCode: StatusCodes.Status503ServiceUnavailable))
            .AllowAnonymous();
        return app;
    }

    /// <summary>The grain of a known machine, of the right kind; null when the platform has never seen it.</summary>
    internal static async Task<IEquipmentGrain?> FindAsync(IGrainFactory grains, string id)
    {
        var entry = await EquipmentShards.Directory(grains, id).Find(id);
        return entry is null ? null : EquipmentGrains.Get(grains, entry);
    }

    private static IResult NotFound(string id) => Results.NotFound(new { code = "not found", message = $"no equipment '{id}'" });

    private static List<string> Validate(string id, EquipmentRegistration body)
    {
        var errors = new List<string>();
        if (!TelemetrySchema.IsValidId(id))
        {
            errors.Add($"id must be 1 to {TelemetrySchema.MaxIdLength} letters, digits or - _ . :");
        }

        try
        {
            switch (body.Kind)
            {
                case "tbm":
                    if (body.Vin is not null || body.Gbt32960Key is not null)
                    {
                        errors.Add("vin and gbt32960Key are for trucks only");
                    }

                    var tbm = body.Tbm ?? new TbmParameters();
                    errors.AddRange(tbm.Validate());
                    if (errors.Count == 0)
                    {
                        AlertRuleSet.Merge(BuiltInAlertRules.ForTbm(tbm), body.Rules);
                    }

                    break;
                case "truck":
                    var truck = body.Truck ?? new TruckParameters();
                    errors.AddRange(truck.Validate());
                    if (body.Vin is { } vin && !System.Text.RegularExpressions.Regex.IsMatch(vin, "^[0-9A-HJ-NPR-Z]{17}$"))
                    {
                        errors.Add("vin must be 17 characters of GB 16735: digits and capital letters without I, O and Q");
                    }

                    if (body.Gbt32960Key is { } key && !System.Text.RegularExpressions.Regex.IsMatch(key, "^[0-9A-Fa-f]{32}$"))
                    {
                        errors.Add("gbt32960Key must be 32 hex digits (a 16-byte AES-128/SM4 key)");
                    }

                    if (body.Gbt32960Key is not null && body.Vin is null)
                    {
                        errors.Add("gbt32960Key needs a vin");
                    }

                    if (errors.Count == 0)
                    {
                        AlertRuleSet.Merge(BuiltInAlertRules.ForTruck(truck), body.Rules);
                    }

                    break;
                default:
                    errors.Add("kind must be \"tbm\" or \"truck\"");
                    break;
            }
        }
        catch (ArgumentException e)
        {
            errors.Add(e.Message);
        }

        return errors;
    }
}
