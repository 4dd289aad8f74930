using Equipment.Dashboard.Live;

namespace Equipment.Dashboard.Hubs;

public static class LiveHubExtensions
{
    /// <summary>SignalR, the sink that feeds it and the client that subscribes this process to the silo's live feed.</summary>
    public static IHostApplicationBuilder AddLiveHub(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<LiveHubSink>();
        builder.Services.AddSingleton<ILiveFeedSink>(sp => sp.GetRequiredService<LiveHubSink>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LiveHubSink>());
        builder.Services.AddHostedService<LiveFeedClient>();
        return builder;
    }

    public static WebApplication MapLiveHub(this WebApplication app)
    {
        app.MapHub<EquipmentHub>(EquipmentHub.Path);
        return app;
    }
}
