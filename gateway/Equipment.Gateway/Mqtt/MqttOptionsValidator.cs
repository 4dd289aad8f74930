using Equipment.Gateway.Ingest;
using Equipment.Telemetry.Ingest;
using Equipment.Telemetry.Schema;
using Microsoft.Extensions.Options;

namespace Equipment.Gateway.Mqtt;

/// <summary>Checks the <c>Mqtt</c> section on start, naming each fault by broker and subscription.</summary>
public sealed class MqttOptionsValidator : IValidateOptions<MqttOptions>
{
    public ValidateOptionsResult Validate(string? name, MqttOptions options)
    {
        var errors = new List<string>();
        if (options.RefusedLogIntervalSeconds is < 0 or > 86_400)
        {
            errors.Add("Mqtt:RefusedLogIntervalSeconds must be 0..86400");
        }

        for (var b = 0; b < options.Brokers.Count; b++)
        {
            var broker = options.Brokers[b];
            var at = $"Mqtt:Brokers:{b}";
            if (string.IsNullOrWhiteSpace(broker.Host))
            {
                errors.Add($"{at}:Host is required");
            }

            if (broker.Port is < 1 or > 65535)
            {
                errors.Add($"{at}:Port must be 1..65535");
            }

            if (string.IsNullOrWhiteSpace(broker.ClientId) || broker.ClientId.Length > 65535)
            {
                errors.Add($"{at}:ClientId is required (the broker keeps the session under it)");
            }

            if (broker.CaCertificateFile is { } ca && (!broker.UseTls || !File.Exists(ca)))
            {
                errors.Add($"{at}:CaCertificateFile needs UseTls and an existing PEM file ('{ca}')");
            }

            if (broker.Password is not null && broker.UserName is null)
            {
                errors.Add($"{at}:Password needs a UserName");
            }

            if (broker.KeepAliveSeconds is < 0 or > 65535)
            {
                errors.Add($"{at}:KeepAliveSeconds must be 0..65535");
            }

            if (broker.MaxReconnectDelaySeconds is < 1 or > 3600)
            {
                errors.Add($"{at}:MaxReconnectDelaySeconds must be 1..3600");
            }

            if (broker.Subscriptions.Count == 0)
            {
                errors.Add($"{at}:Subscriptions must list at least one topic");
            }

            for (var s = 0; s < broker.Subscriptions.Count; s++)
            {
                Subscription(broker.Subscriptions[s], $"{at}:Subscriptions:{s}", errors);
            }
        }

        var sharedIds = options.Brokers.GroupBy(b => (b.Host, b.EffectivePort, b.ClientId)).Where(g => g.Count() > 1).Select(g => g.Key.ClientId);
        foreach (var id in sharedIds)
        {
            errors.Add($"Mqtt:Brokers: client id '{id}' is used twice on one broker; the broker would disconnect one for the other");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Subscription(MqttSubscriptionOptions s, string at, List<string> errors)
    {
        if (TopicFilter.Validate(s.Topic) is { } topicError)
        {
            errors.Add($"{at}:Topic: {topicError}");
        }

        if (!MqttFormats.All.Contains(s.Format))
        {
            errors.Add($"{at}:Format must be one of {string.Join(", ", MqttFormats.All)}, not '{s.Format}'");
        }

        if (s.Qos is not (0 or 1))
        {
            errors.Add($"{at}:Qos must be 0 or 1");
        }

        var kinds = TelemetrySchema.Measurements.Select(m => m.Name).ToArray();
        if (s.Kind is { } kind && !kinds.Contains(kind))
        {
            errors.Add($"{at}:Kind must be one of {string.Join(", ", kinds)}, not '{kind}'");
        }

        foreach (var (source, field) in s.Fields)
        {
            if (string.IsNullOrWhiteSpace(field))
            {
                errors.Add($"{at}:Fields:{source} names no field");
            }
        }

        switch (s.Format)
        {
            case MqttFormats.LineProtocol:
                if (!Precision.TryParse(s.Precision, out _))
                {
                    errors.Add($"{at}:Precision must be ns, us, ms or s, not '{s.Precision}'");
                }

                try
                {
                    TokenScope.Parse(s.Scope);
                }
                catch (FormatException e)
                {
                    errors.Add($"{at}:Scope: {e.Message}");
                }

                break;
            case MqttFormats.Json:
                if (s.TopicTemplate is { } template)
                {
                    if (TopicFilter.Validate(template.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal)) is not null || template.Contains('#'))
                    {
                        errors.Add($"{at}:TopicTemplate '{template}' must be topic levels, '+' or '{{name}}'");
                    }
                }

                if (s.Id is { } id && !TelemetrySchema.IsValidId(id))
                {
                    errors.Add($"{at}:Id '{id}' is not a valid equipment id (letters, digits, - _ . :, up to {TelemetrySchema.MaxIdLength})");
                }

                break;
            case MqttFormats.SparkplugB:
                if (!s.Topic.StartsWith(SparkplugTranslator.Namespace + "/", StringComparison.Ordinal))
                {
                    errors.Add($"{at}:Topic must be under {SparkplugTranslator.Namespace}/ for Sparkplug B");
                }

                if (s.Kind is not ("tbm" or "truck"))
                {
                    errors.Add($"{at}:Kind (tbm or truck) is required for Sparkplug B");
                }

                break;
        }
    }
}
