using Equipment.Contracts.Grains;

namespace Equipment.Dashboard.Api;

/// <summary><c>GET /api/tbm/{id}/cutter-plan</c> (JSON, or <c>?format=csv</c>: one row per position).</summary>
public static class CutterPlanEndpoints
{
    public static WebApplication MapCutterPlanApi(this WebApplication app)
    {
        app.MapGet("/api/tbm/{id}/cutter-plan", async (string id, string? format, IGrainFactory grains) =>
        {
            if (format is not null && format is not ("json" or "csv"))
            {
                return Results.BadRequest(new { code = "invalid", message = $"format must be json or csv (was '{format}')", field = "format" });
            }

            if (await EquipmentEndpoints.FindAsync(grains, id) is not ITbmGrain tbm)
            {
                return Results.NotFound(new { code = "not found", message = $"no TBM '{id}'" });
            }

            var plan = await tbm.GetCutterPlan();
            return format == "csv"
                ? Results.File(System.Text.Encoding.UTF8.GetBytes(CutterPlanCsv.Write(plan)), "text/csv; charset=utf-8", $"{id}-cutter-plan.csv")
                : Results.Ok(plan);
        });
        return app;
    }
}
