using Microsoft.Extensions.Options;

namespace Equipment.Gateway.Mqtt;

public static class MqttExtensions
{
    /// <summary>Subscribes to the brokers of the <c>Mqtt</c> section (none by default); needs <c>AddIngest</c> first.</summary>
    public static WebApplicationBuilder AddMqtt(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MqttOptions>().BindConfiguration(MqttOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<MqttOptions>, MqttOptionsValidator>();
        builder.Services.AddSingleton<MqttStatistics>();
        builder.Services.AddHostedService<MqttIngestService>();
        return builder;
    }

    public static WebApplication MapMqtt(this WebApplication app)
    {
        app.MapGet("/stats/mqtt", (MqttStatistics statistics) => Results.Json(statistics.Snapshot()));
        return app;
    }
}
