using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Channels;
using Equipment.Gateway.Mqtt.Sparkplug;
using Equipment.Gateway.Spool;
using Equipment.Telemetry.Ingest;
using Google.Protobuf;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Equipment.Gateway.Mqtt;

/// <summary>
/// One broker: connects with a persistent session, subscribes, and for each message validates it, appends it to
/// the write-ahead spool like an HTTP write, and acknowledges it (PUBACK) only once the spool has fsynced it.
/// Acknowledgements go out in arrival order from a separate loop, so the next messages are parsed and appended
/// while earlier ones wait for their group commit. Refused messages are counted, logged and acknowledged: they
/// would fail the same way on every redelivery. Reconnects with backoff for as long as the gateway runs.
/// </summary>
public sealed class MqttBrokerConnection
{
    private static readonly TimeSpan RebirthInterval = TimeSpan.FromSeconds(30);

    private readonly MqttBrokerOptions _options;
    private readonly MqttSubscription[] _subscriptions;
    private readonly WriteAheadSpool _spool;
    private readonly MqttStatistics _statistics;
    private readonly RefusalLog _refusals;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Dictionary<string, DateTimeOffset> _rebirthsAsked = new(StringComparer.Ordinal);

    public MqttBrokerConnection(MqttBrokerOptions options, IngestParser parser, WriteAheadSpool spool, MqttStatistics statistics, RefusalLog refusals, TimeProvider time, ILogger logger)
    {
        _options = options;
        // Sparkplug sessions are kept beside the spool, per broker and subscription (the spool's folder is the gateway's durable state).
        var name = string.Concat(options.DisplayName.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
        _subscriptions = options.Subscriptions.Select((s, i) => new MqttSubscription(s, parser, Path.Combine(spool.Directory, $"sparkplug-{name}-{i}.json"))).ToArray();
        _spool = spool;
        _statistics = statistics;
        _refusals = refusals;
        _time = time;
        _logger = logger;
    }

    public string Name => _options.DisplayName;

    public async Task RunAsync(CancellationToken ct)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!ct.IsCancellationRequested)
        {
            // A fresh client per connection: acknowledgements still queued for a dropped connection must never be
            // sent on the next one, where the same packet identifiers name other messages.
            using var client = new MqttClientFactory().CreateMqttClient();
            var acks = Channel.CreateUnbounded<PendingAck>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
            var disconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            client.DisconnectedAsync += e =>
            {
                disconnected.TrySetResult();
                return Task.CompletedTask;
            };
            client.ApplicationMessageReceivedAsync += e => OnMessageAsync(client, e, acks.Writer, ct);
            using var connection = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var acking = AcknowledgeAsync(client, acks.Reader, connection.Token);
            try
            {
                var result = await client.ConnectAsync(ClientOptions(), ct);
                _statistics.Connected(Name);
                _logger.LogInformation("MQTT {Broker}: connected (session {Session})", Name, result.IsSessionPresent ? "resumed" : "new");
                var subscribe = new MqttClientSubscribeOptionsBuilder();
                foreach (var s in _options.Subscriptions)
                {
                    subscribe.WithTopicFilter(f => f.WithTopic(s.Topic).WithQualityOfServiceLevel(s.Qos == 1 ? MqttQualityOfServiceLevel.AtLeastOnce : MqttQualityOfServiceLevel.AtMostOnce));
                }

                await client.SubscribeAsync(subscribe.Build(), ct);
                delay = TimeSpan.FromSeconds(1);
                await disconnected.Task.WaitAsync(ct);
                _logger.LogWarning("MQTT {Broker}: connection lost; reconnecting", Name);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                _logger.LogWarning("MQTT {Broker}: {Message}; retrying in {Delay} s", Name, e.Message, delay.TotalSeconds);
            }
            finally
            {
                _statistics.Disconnected(Name);
                acks.Writer.TryComplete();
                await connection.CancelAsync();
                await acking;
                if (client.IsConnected)
                {
                    // Not acknowledged yet stays with the broker, which re-sends it to the next session.
                    await client.DisconnectAsync(new MqttClientDisconnectOptions(), CancellationToken.None).ConfigureAwait(false);
                }
            }

            try
            {
                await Task.Delay(delay, _time, ct);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, _options.MaxReconnectDelaySeconds));
        }
    }

    private async Task OnMessageAsync(IMqttClient client, MqttApplicationMessageReceivedEventArgs e, ChannelWriter<PendingAck> acks, CancellationToken ct)
    {
        e.AutoAcknowledge = false;
        _statistics.Received(Name);
        var message = e.ApplicationMessage;
        var topic = message.Topic;
        var subscription = Array.Find(_subscriptions, s => TopicFilter.Matches(s.Options.Topic, topic));
        if (subscription is null)
        {
            Refuse(topic, new PayloadRefusal("unmapped_topic", "no subscription's topic filter matches"));
            acks.TryWrite(new PendingAck(e, null));
            return;
        }

        var now = _time.GetUtcNow();
        var receivedNs = (now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;
        IngestResult? result;
        PayloadRefusal? refusal;
        try
        {
            (result, refusal) = subscription.Parse(topic, message.Payload, receivedNs);
        }
        catch (Exception ex)
        {
            // A translator bug must cost one message, not the subscription.
            (result, refusal) = (null, new PayloadRefusal("error", ex.Message));
        }

        if (subscription.Warning is { } warning)
        {
            _statistics.Warned(Name, warning);
        }

        if (subscription.RebirthTopic is { } rebirth)
        {
            AskRebirth(client, rebirth, now);
        }

        if (refusal is not null)
        {
            Refuse(topic, refusal);
            acks.TryWrite(new PendingAck(e, null));
            return;
        }

        if (result is null || result.Points == 0)
        {
            acks.TryWrite(new PendingAck(e, null));
            return;
        }

        Task<long>? append;
        while ((append = Append(result, now.ToUnixTimeMilliseconds())) is null)
        {
            // The spool is full (InfluxDB or the silos away for long): hold this message, and with it the broker's
            // in-flight window, until there is room. The broker keeps the rest.
            await Task.Delay(TimeSpan.FromSeconds(1), _time, ct);
        }

        _statistics.Accepted(Name, result.Points);
        acks.TryWrite(new PendingAck(e, append));
    }

    /// <summary>As the HTTP write does; the spool takes the pooled record buffer whether it accepts it or not.</summary>
    private Task<long>? Append(IngestResult result, long receivedUnixMs)
    {
        var (record, length) = SpoolRecord.Encode(result.Batches, receivedUnixMs);
        return _spool.TryAppend(record, length, result.Batches, receivedUnixMs, result.Points);
    }

    private async Task AcknowledgeAsync(IMqttClient client, ChannelReader<PendingAck> acks, CancellationToken ct)
    {
        try
        {
            await foreach (var pending in acks.ReadAllAsync(ct))
            {
                if (pending.Spooled is { } spooled)
                {
                    try
                    {
                        await spooled.WaitAsync(ct);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // Not durable, so not acknowledged: drop the connection and let the broker re-send it.
                        _logger.LogError("MQTT {Broker}: the spool did not take a message ({Message}); reconnecting so the broker re-sends it", Name, e.Message);
                        await client.DisconnectAsync(new MqttClientDisconnectOptions(), CancellationToken.None);
                        return;
                    }
                }

                await pending.Message.AcknowledgeAsync(ct);
                _statistics.Acknowledged(Name);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            // The connection went away under us: the broker re-sends what was not acknowledged.
            _logger.LogDebug("MQTT {Broker}: acknowledgement failed: {Message}", Name, e.Message);
        }
    }

    private void Refuse(string topic, PayloadRefusal refusal)
    {
        _statistics.Refused(Name, refusal.Reason);
        _refusals.Refused(Name, topic, refusal);
    }

    /// <summary>Sparkplug's remedy for unknown aliases: ask the edge node to publish its births again (NCMD Node Control/Rebirth).</summary>
    private void AskRebirth(IMqttClient client, string topic, DateTimeOffset now)
    {
        if (_rebirthsAsked.TryGetValue(topic, out var last) && now - last < RebirthInterval)
        {
            return;
        }

        _rebirthsAsked[topic] = now;
        var payload = new Payload { Timestamp = (ulong)now.ToUnixTimeMilliseconds() };
        payload.Metrics.Add(new Payload.Types.Metric { Name = "Node Control/Rebirth", Datatype = 11, BooleanValue = true });
        var request = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload.ToByteArray()).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtMostOnce).Build();
        _logger.LogInformation("MQTT {Broker}: asking {Topic} for a rebirth (unknown metric aliases)", Name, topic);
        _ = client.PublishAsync(request).ContinueWith(
            t => _logger.LogDebug("MQTT {Broker}: rebirth request failed: {Message}", Name, t.Exception?.GetBaseException().Message),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted,
            TaskScheduler.Default);
    }

    private MqttClientOptions ClientOptions()
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(_options.Host, _options.EffectivePort)
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithClientId(_options.ClientId)
            .WithCleanSession(_options.CleanSession)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(_options.KeepAliveSeconds))
            .WithTimeout(TimeSpan.FromSeconds(15));
        if (_options.UserName is { } user)
        {
            builder.WithCredentials(user, _options.Password);
        }

        if (_options.UseTls)
        {
            var ca = _options.CaCertificateFile is { } file ? X509Certificate2.CreateFromPemFile(file) : null;
            builder.WithTlsOptions(tls =>
            {
                tls.UseTls();
                tls.WithCertificateValidationHandler(args => ValidateCertificate(args.Certificate, args.SslPolicyErrors, ca));
            });
        }

        return builder.Build();
    }

    private bool ValidateCertificate(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2? ca)
    {
        if (errors == SslPolicyErrors.None || _options.AllowUntrustedCertificates)
        {
            return true;
        }

        // With a configured CA, a chain error may only mean "not in the system store": check against that CA alone.
        if (errors != SslPolicyErrors.RemoteCertificateChainErrors || ca is null || certificate is null)
        {
            _logger.LogError("MQTT {Broker}: broker certificate refused ({Errors})", Name, errors);
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        var ok = chain.Build(new X509Certificate2(certificate));
        if (!ok)
        {
            _logger.LogError("MQTT {Broker}: broker certificate does not chain to {CaFile}", Name, _options.CaCertificateFile);
        }

        return ok;
    }

    private sealed record PendingAck(MqttApplicationMessageReceivedEventArgs Message, Task<long>? Spooled);
}
