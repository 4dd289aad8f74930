using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace Equipment.Dashboard.Security;

public static class DashboardSecurityExtensions
{
    /// <summary>The scheme that picks the key handler when a key is presented and the session cookie otherwise.</summary>
    public const string Scheme = "Equipment";

    public const string CookieName = "equipment.session";

    /// <summary>Users, key and cookie authentication, role policies (viewer for everything not marked otherwise).</summary>
    public static WebApplicationBuilder AddDashboardSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DashboardOptions>()
            .BindConfiguration(DashboardOptions.Section)
            .Configure(o => o.DevToken = Environment.GetEnvironmentVariable("EQUIPMENT_DEV_TOKEN") is { Length: > 0 } t ? t : o.DevToken)
            .ValidateDataAnnotations()
            .Validate(o => !o.Problems().Any(), "Dashboard:Users has invalid entries (name, key of 16+ characters, known roles, valid scope)")
            .ValidateOnStart();
        builder.Services.AddSingleton<UserKeyStore>();

        var hours = builder.Configuration.GetSection(DashboardOptions.Section).Get<DashboardOptions>()?.SessionHours ?? new DashboardOptions().SessionHours;
        builder.Services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "key or session", o => o.ForwardDefaultSelector = http =>
                KeyAuthenticationHandler.HasKey(http.Request) ? KeyAuthenticationHandler.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, KeyAuthenticationHandler>(KeyAuthenticationHandler.SchemeName, null)
            .AddCookie(o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Cookie.IsEssential = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(hours);
                o.SlidingExpiration = true;

                // An API answers 401/403; redirecting a fetch to a login page would only confuse the UI.
                o.Events.OnRedirectToLogin = c => { c.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
                o.Events.OnRedirectToAccessDenied = c => { c.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };

                // The cookie outlives a user's removal or role change: re-read the user (cached a few seconds) on each request.
                o.Events.OnValidatePrincipal = async c =>
                {
                    var id = c.Principal?.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
                    var users = c.HttpContext.RequestServices.GetRequiredService<UserKeyStore>();
                    var user = id is null ? null : await users.FindByIdAsync(id, c.HttpContext.RequestAborted);
                    if (user is null)
                    {
                        c.RejectPrincipal();
                        await c.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                        return;
                    }

                    c.ReplacePrincipal(user.ToPrincipal(CookieAuthenticationDefaults.AuthenticationScheme));
                };
            });

        var builderAuthz = builder.Services.AddAuthorizationBuilder();
        foreach (var role in DashboardRoles.All)
        {
            builderAuthz.AddPolicy(role, p => p.RequireAuthenticatedUser().RequireRole(role));
        }

        // Everything not marked otherwise (REST, history, the hub) needs at least a viewer; static files are served before this.
        builderAuthz.SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(DashboardRoles.Viewer).Build());

        // Request-start log lines carry the query string, where SignalR puts the key (?access_token=…): never log them.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        return builder;
    }

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        return app;
    }

    public static WebApplication UseDashboardSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<ScopeGuardMiddleware>();
        return app;
    }
}
