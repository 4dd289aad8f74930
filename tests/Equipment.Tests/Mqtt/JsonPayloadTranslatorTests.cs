using System.Buffers;
using System.Text;
using Equipment.Gateway.Mqtt;

namespace Equipment.Tests.Mqtt;

public sealed class JsonPayloadTranslatorTests
{
    private readonly JsonPayloadTranslator _translator = new(new MqttSubscriptionOptions
    {
        Topic = "site/+/tbm/+",
        Format = "json",
        Kind = "tbm",
        TopicTemplate = "site/{site}/tbm/{id}",
        Fields = new() { ["Thrust"] = "thrust_kn" },
    });

    [Fact]
    public void Translate_ObjectWithIsoTime_TakesIdAndSiteFromTheTopic()
    {
        Run("site/north/tbm/tbm-1", """{"time":"2026-05-01T10:00:00+02:00","fields":{"Thrust":11800.5,"boring":true,"note":"a \"b\""}}""")
            .Should().Be("tbm,id=tbm-1,site=north thrust_kn=11800.5,boring=true,note=\"a \\\"b\\\"\" 1777622400000000000\n");
    }

    [Fact]
    public void Translate_ArrayWithEpochMillisAndTags_WritesOneLineEach()
    {
        Run("site/north/tbm/tbm-1", """[{"time":1777622400000,"fields":{"stroke":12,"rpm":3}},{"time":1777622401000,"fields":{"rpm":3.5},"tags":{"site":"south"}}]""")
            .Should().Be("tbm,id=tbm-1,site=north stroke=12i,rpm=3 1777622400000000000\ntbm,id=tbm-1,site=south rpm=3.5 1777622401000000000\n");
    }

    [Fact]
    public void Translate_NoTime_LeavesTheTimestampToReceiveTime()
    {
        Run("site/north/tbm/tbm-1", """{"fields":{"rpm":2}}""").Should().Be("tbm,id=tbm-1,site=north rpm=2\n");
    }

    [Theory]
    [InlineData("{\"fields\":", "malformed_json")]
    [InlineData("{\"fields\":[1]}", "malformed_json")]
    [InlineData("{\"time\":\"yesterday\",\"fields\":{\"rpm\":1}}", "malformed_json")]
    [InlineData("{\"fields\":{\"rpm\":{\"x\":1}}}", "malformed_json")]
    [InlineData("42", "malformed_json")]
    public void Translate_BadShape_IsRefusedWithAReason(string payload, string reason)
    {
        var refusal = _translator.Translate("site/north/tbm/tbm-1", new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(payload)), new LineBuilder());
        refusal!.Reason.Should().Be(reason);
    }

    [Fact]
    public void Translate_TopicOutsideTheTemplate_IsRefused()
    {
        var refusal = _translator.Translate("site/north/truck/t-1", new ReadOnlySequence<byte>("{\"fields\":{}}"u8.ToArray()), new LineBuilder());
        refusal!.Reason.Should().Be("unmapped_topic");
    }

    private string Run(string topic, string payload)
    {
        var output = new LineBuilder();
        _translator.Translate(topic, new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(payload)), output).Should().BeNull();
        return Encoding.UTF8.GetString(output.Written);
    }
}
