using Equipment.Contracts.Grains;

namespace Equipment.Dashboard.History;

public static class HistoryEndpoints
{
    /// <summary><c>GET /api/equipment/{id}/history?fields=a,b&amp;from=&amp;to=&amp;every=&amp;format=csv&amp;measurement=tbm_cutter&amp;position=N</c>.</summary>
    public static WebApplication MapHistoryApi(this WebApplication app)
    {
        app.MapGet("/api/equipment/{id}/history", async (string id, HttpContext http, IGrainFactory grains, InfluxQueryClient influx, TimeProvider time) =>
        {
            if (await EquipmentShards.Directory(grains, id).Find(id) is not { } entry)
            {
                return Results.NotFound(new { code = "not found", message = $"no equipment '{id}'" });
            }

            var request = HistoryRequest.Parse(id, entry.Kind, http.Request.Query, time.GetUtcNow(), out var error);
            if (request is null)
            {
                return Results.BadRequest(new { code = "invalid", message = error });
            }

            HistoryResult result;
            try
            {
                result = HistoryResult.Create(request, await influx.QueryAsync(request.ToInfluxQl(influx.Database), http.RequestAborted));
            }
            catch (InfluxQueryException e)
            {
                return Results.Json(new { code = "unavailable", message = e.Message }, statusCode: StatusCodes.Status502BadGateway);
            }

            if (!request.Csv)
            {
                return Results.Ok(result);
            }

            var name = request.Position is { } p ? $"{id}-{request.Measurement}-{p}" : $"{id}-{request.Measurement}";
            return Results.File(System.Text.Encoding.UTF8.GetBytes(result.ToCsv()), "text/csv; charset=utf-8",
                $"{name}-{request.From.UtcDateTime:yyyyMMddTHHmm}-{request.To.UtcDateTime:yyyyMMddTHHmm}.csv");
        });
        return app;
    }
}
