using Equipment.Gateway.Spool;
using Equipment.Telemetry.Ingest;
using Microsoft.Extensions.Options;

namespace Equipment.Gateway.Mqtt;

/// <summary>Runs one <see cref="MqttBrokerConnection"/> per configured broker for the life of the gateway.</summary>
public sealed class MqttIngestService(
    IOptions<MqttOptions> options,
    IngestParser parser,
    WriteAheadSpool spool,
    MqttStatistics statistics,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        var logger = loggers.CreateLogger<MqttIngestService>();
        var refusals = new RefusalLog(logger, time, TimeSpan.FromSeconds(o.RefusedLogIntervalSeconds));
        var connections = o.Brokers.Select(b => new MqttBrokerConnection(b, parser, spool, statistics, refusals, time, loggers.CreateLogger<MqttBrokerConnection>()));
        return Task.WhenAll(connections.Select(c => Task.Run(() => c.RunAsync(stoppingToken), stoppingToken)));
    }
}
