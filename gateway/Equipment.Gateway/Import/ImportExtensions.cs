namespace Equipment.Gateway.Import;

public static class ImportExtensions
{
    public static WebApplicationBuilder AddLoggerImport(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ImportEndpoint>();
        return builder;
    }

    public static WebApplication MapLoggerImport(this WebApplication app)
    {
        app.MapPost("/api/import/{kind}/{id}", (HttpContext context, string kind, string id, ImportEndpoint endpoint) => endpoint.HandleAsync(context, kind, id))
            .DisableAntiforgery();
        return app;
    }
}
