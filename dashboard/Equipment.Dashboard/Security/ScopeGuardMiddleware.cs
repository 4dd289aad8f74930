namespace Equipment.Dashboard.Security;

/// <summary>
/// Keeps a scoped user to their machines on every per-machine route (<c>{id}</c>: live state, registration,
/// strokes, cutters, runs, history), answering 404 as for an unknown machine so the refusal reveals nothing.
/// Runs after authorization, so the route is matched and the user known.
/// </summary>
public sealed class ScopeGuardMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IGrainFactory grains)
    {
        if (context.Request.RouteValues.TryGetValue("id", out var value) && value is string id
            && context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
            && !context.Request.Path.StartsWithSegments("/api/admin", StringComparison.Ordinal)
            && UserScope.Of(context.User) is { } scope
            && !await ScopedAccess.AllowsAsync(grains, scope, id))
        {
            await Results.NotFound(new { code = "not found", message = $"no equipment '{id}'" }).ExecuteAsync(context);
            return;
        }

        await next(context);
    }
}
