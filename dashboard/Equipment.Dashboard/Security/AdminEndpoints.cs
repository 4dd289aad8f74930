using Equipment.Contracts.Security;

namespace Equipment.Dashboard.Security;

/// <summary>
/// Device tokens and dashboard users, for admins. A secret is generated here, returned once in the creating
/// response and stored only as its SHA-256 hash; listings never contain secrets or hashes.
/// </summary>
public static class AdminEndpoints
{
    public static WebApplication MapAdminApi(this WebApplication app)
    {
        var admin = app.MapGroup("/api/admin").RequireAuthorization(DashboardRoles.Admin);

        admin.MapPost("/tokens", async (CreateTokenRequest body, IGrainFactory grains, TimeProvider time) =>
        {
            var name = body.Name?.Trim() ?? "";
            var scope = body.Scope?.Trim() ?? "";
            if (name.Length is 0 or > 100 || !IsTokenScope(scope))
            {
                return Invalid("name (1 to 100 characters) and scope (all, site:NAME, fleet:NAME or equipment:ID, comma-separated) are required");
            }

            var secret = SecretHash.NewSecret();
            var record = new DeviceTokenRecord(SecretHash.NewId(), name, scope, SecretHash.Of(secret), time.GetUtcNow());
            await grains.GetGrain<ITokenRegistryGrain>(0).Add(record);
            return Results.Created($"/api/admin/tokens/{record.Id}", new { record.Id, record.Name, record.Scope, record.Created, token = secret });
        });

        admin.MapGet("/tokens", async (IGrainFactory grains) =>
            Results.Ok((await grains.GetGrain<ITokenRegistryGrain>(0).List()).Select(t => new { t.Id, t.Name, t.Scope, t.Created })));

        admin.MapDelete("/tokens/{id}", async (string id, IGrainFactory grains) =>
            await grains.GetGrain<ITokenRegistryGrain>(0).Revoke(id) ? Results.NoContent() : NotFound("token", id));

        admin.MapPost("/users", async (CreateUserRequest body, IGrainFactory grains, UserKeyStore users, TimeProvider time) =>
        {
            var name = body.Name?.Trim() ?? "";
            var roles = body.Roles ?? [];
            var scope = string.IsNullOrWhiteSpace(body.Scope) ? null : body.Scope.Trim();
            if (name.Length is 0 or > 100 || roles.Length == 0 || !roles.All(DashboardRoles.IsKnown) || !UserScope.TryParse(scope, out _))
            {
                return Invalid($"name (1 to 100 characters), roles (among {string.Join(", ", DashboardRoles.All)}) and an optional scope (site:NAME, fleet:NAME or equipment:ID, comma-separated) are required");
            }

            var key = SecretHash.NewSecret();
            var record = new UserRecord(SecretHash.NewId(), name, roles.Distinct().ToArray(), scope, SecretHash.Of(key), time.GetUtcNow());
            await grains.GetGrain<IUserRegistryGrain>(0).Add(record);
            users.Forget();
            return Results.Created($"/api/admin/users/{record.Id}", new { record.Id, record.Name, record.Roles, record.Scope, record.Created, key });
        });

        admin.MapGet("/users", async (IGrainFactory grains) =>
            Results.Ok((await grains.GetGrain<IUserRegistryGrain>(0).List()).Select(u => new { u.Id, u.Name, u.Roles, u.Scope, u.Created })));

        admin.MapDelete("/users/{id}", async (string id, IGrainFactory grains, UserKeyStore users) =>
        {
            if (!await grains.GetGrain<IUserRegistryGrain>(0).Remove(id))
            {
                return NotFound("user", id);
            }

            users.Forget();
            return Results.NoContent();
        });
        return app;
    }

    /// <summary>The gateway's token scope forms (it parses them again on use; refusing here keeps unusable tokens out).</summary>
    private static bool IsTokenScope(string scope) =>
        scope == "all" || UserScope.TryParse(scope, out var parsed) && parsed is not null;

    private static IResult Invalid(string message) =>
        Results.Json(new { code = "invalid", message }, statusCode: StatusCodes.Status400BadRequest);

    private static IResult NotFound(string what, string id) =>
        Results.NotFound(new { code = "not found", message = $"no {what} '{id}'" });
}
