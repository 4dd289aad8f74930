namespace Equipment.Gateway.Security;

public static class DeviceSecurityExtensions
{
    /// <summary>Managed device tokens (registry lookup with a short cache) and the per-token rate limit.</summary>
    public static WebApplicationBuilder AddDeviceSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DeviceTokenOptions>()
            .BindConfiguration(DeviceTokenOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<DeviceTokenRegistry>();
        builder.Services.AddSingleton<DeviceRateLimiter>();

        // The request-start log line carries the query string, where v1 clients put the token (?p=…): never log it,
        // whatever a deployment's appsettings say.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        return builder;
    }

    public static WebApplication UseDeviceSecurity(this WebApplication app)
    {
        app.UseMiddleware<DeviceAuthenticationMiddleware>();
        return app;
    }
}
