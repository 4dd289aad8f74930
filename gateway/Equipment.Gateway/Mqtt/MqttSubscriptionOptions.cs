namespace Equipment.Gateway.Mqtt;

/// <summary>
/// One topic filter, the payload format it carries, and how its messages map to equipment.
/// </summary>
public sealed class MqttSubscriptionOptions
{
    /// <summary>MQTT topic filter (<c>+</c> and <c>#</c> wildcards), e.g. <c>site/+/tbm/+</c> or <c>spBv1.0/mine/#</c>.</summary>
    public string Topic { get; set; } = "";

    /// <summary><c>lineprotocol</c>, <c>json</c> or <c>sparkplugb</c>.</summary>
    public string Format { get; set; } = "lineprotocol";

    /// <summary>0 or 1. With 1 a message is acknowledged only once the spool holds it.</summary>
    public int Qos { get; set; } = 1;

    /// <summary>
    /// JSON only: a template the topic must match, whose <c>{name}</c> segments become tags, e.g.
    /// <c>site/{site}/tbm/{id}</c>. <c>{id}</c> names the equipment unless <see cref="Id"/> is set.
    /// </summary>
    public string? TopicTemplate { get; set; }

    /// <summary>
    /// JSON: a fixed equipment id. Sparkplug B: the id template over <c>{group}</c>, <c>{node}</c> and <c>{device}</c>
    /// (default <c>{device}</c> for device messages and <c>{node}</c> for node messages).
    /// </summary>
    public string? Id { get; set; }

    /// <summary>JSON and Sparkplug B: <c>tbm</c> or <c>truck</c>: the measurement the values are written to.</summary>
    public string? Kind { get; set; }

    /// <summary>JSON and Sparkplug B: a fixed site (TBM) or fleet (truck) tag, unless the topic or payload names one.</summary>
    public string? Group { get; set; }

    /// <summary>
    /// JSON and Sparkplug B: source names (JSON field keys, Sparkplug metric names) to schema fields, e.g.
    /// <c>"Thrust": "thrust_kn"</c>. Names not listed are written under their own name when
    /// <see cref="KeepUnmappedFields"/> is on, else dropped.
    /// </summary>
    public Dictionary<string, string> Fields { get; set; } = [];

    /// <summary>Whether names not in <see cref="Fields"/> are written as they are (JSON default) or dropped.</summary>
    public bool? KeepUnmappedFields { get; set; }

    /// <summary>Line protocol only: the precision of timestamps (<c>ns</c>, <c>us</c>, <c>ms</c>, <c>s</c>).</summary>
    public string Precision { get; set; } = "ns";

    /// <summary>Line protocol only: what the topic may write, as a device token's scope (<c>all</c>, <c>site:X</c>, …).</summary>
    public string Scope { get; set; } = "all";
}
