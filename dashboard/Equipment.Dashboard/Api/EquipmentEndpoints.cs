using Equipment.Contracts.Grains;
using Equipment.Contracts.Hosting;

namespace Equipment.Dashboard.Api;

public static class EquipmentEndpoints
{
    public static WebApplication MapEquipmentApi(this WebApplication app)
    {
        app.MapGet("/api/equipment", async (IGrainFactory grains, TimeProvider time) =>
        {
            var entries = await grains.GetGrain<IEquipmentDirectoryGrain>(0).List();
            var snapshots = await Task.WhenAll(entries.Select(e => EquipmentGrains.Get(grains, e)!.GetSnapshot()));
            var now = time.GetUtcNow();
            return Results.Ok(snapshots.Select(s => EquipmentView.From(s, now)));
        });

        app.MapGet("/api/equipment/{id}", async (string id, IGrainFactory grains, TimeProvider time) =>
        {
            var entries = await grains.GetGrain<IEquipmentDirectoryGrain>(0).List();
            var entry = entries.FirstOrDefault(e => e.Id == id);
            if (entry is null || EquipmentGrains.Get(grains, entry) is not { } grain)
            {
                return Results.NotFound(new { code = "not found", message = $"no equipment '{id}'" });
            }

            return Results.Ok(EquipmentView.From(await grain.GetSnapshot(), time.GetUtcNow()));
        });

        app.MapGet("/health", async (IGrainFactory grains) =>
            await ClusterHealth.IsReachableAsync(grains, TimeSpan.FromSeconds(2))
                ? Results.Json(new { status = "ready" })
                : Results.Json(new { status = "unavailable" }, statusCode: StatusCodes.Status503ServiceUnavailable));
        return app;
    }
}
