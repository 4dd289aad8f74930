using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Equipment.Dashboard.Security;

/// <summary>
/// Cookie sign-in for the web UI: the key is exchanged once for an HttpOnly, SameSite=Strict session cookie, so page
/// scripts never have to keep it (an injected script could not read the cookie).
/// </summary>
public static class SessionEndpoints
{
    public static WebApplication MapSessionApi(this WebApplication app)
    {
        app.MapPost("/api/session", async (SessionRequest? body, HttpContext http, UserKeyStore users) =>
        {
            var user = string.IsNullOrEmpty(body?.Key) ? null : await users.FindByKeyAsync(body.Key, http.RequestAborted);
            if (user is null)
            {
                return Results.Json(new { code = "unauthorized", message = "unknown key" }, statusCode: StatusCodes.Status401Unauthorized);
            }

            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, user.ToPrincipal(CookieAuthenticationDefaults.AuthenticationScheme));
            return Results.Ok(Describe(user.ToPrincipal(CookieAuthenticationDefaults.AuthenticationScheme)));
        }).AllowAnonymous();

        app.MapDelete("/api/session", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.NoContent();
        }).AllowAnonymous();

        app.MapGet("/api/session", (ClaimsPrincipal user) => Results.Ok(Describe(user)));
        return app;
    }

    private static object Describe(ClaimsPrincipal user) => new
    {
        name = user.Identity?.Name,
        roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToArray(),
        scope = user.FindFirst(DashboardUser.ScopeClaim)?.Value,
    };
}
