using System.Buffers;
using System.Text;
using Equipment.Gateway.Mqtt;
using static Equipment.Tests.Mqtt.SparkplugMessages;

namespace Equipment.Tests.Mqtt;

public sealed class SparkplugTranslatorTests
{
    private const ulong T0 = 1_777_622_400_000; // 2026-05-01T08:00:00Z in ms
    private const string Ns = "1777622400000000000";

    private readonly SparkplugTranslator _translator = new(new MqttSubscriptionOptions
    {
        Topic = "spBv1.0/north/#",
        Format = "sparkplugb",
        Kind = "tbm",
        Group = "{group}",
        Fields = new() { ["Thrust"] = "thrust_kn", ["Boring"] = "boring", ["Stroke"] = "stroke", ["Torque"] = "torque_knm" },
    });

    [Fact]
    public void Translate_DdataByAliasAfterBirths_WritesMappedFieldsForTheDevice()
    {
        Run("spBv1.0/north/NBIRTH/edge1", Encode(T0, 0, BdSeq(3))).Should().BeEmpty();
        Run("spBv1.0/north/DBIRTH/edge1/tbm-7", Encode(T0, 1, Double("Thrust", 1, 11000), Bool("Boring", 2, true), Int32("Stroke", 3, 41), Double("Unmapped", 4, 1)))
            .Should().Be($"tbm,site=north,id=tbm-7 thrust_kn=11000,boring=true,stroke=41i,online=true {Ns}\n");

        Run("spBv1.0/north/DDATA/edge1/tbm-7", Encode(T0 + 1000, 2, Double(null, 1, 11250.5), Int32(null, 3, 42), Double(null, 4, 7)))
            .Should().Be("tbm,site=north,id=tbm-7 thrust_kn=11250.5,stroke=42i 1777622401000000000\n");
        _translator.Warning.Should().BeNull();
    }

    [Fact]
    public void Translate_MetricsWithOwnTimestamps_WritesOnePointPerTime()
    {
        Run("spBv1.0/north/DDATA/edge1/tbm-7", Encode(T0 + 5000, null, Double("Thrust", null, 1, T0), Double("Torque", null, 2, T0), Double("Thrust", null, 3, T0 + 1000)))
            .Should().Be($"tbm,site=north,id=tbm-7 thrust_kn=1,torque_knm=2 {Ns}\ntbm,site=north,id=tbm-7 thrust_kn=3 1777622401000000000\n");
    }

    [Fact]
    public void Translate_UnknownAlias_IsRefusedAndAsksTheNodeForARebirth()
    {
        Run("spBv1.0/north/NBIRTH/edge1", Encode(T0, 0, BdSeq(0)));
        var output = new LineBuilder();
        var refusal = _translator.Translate("spBv1.0/north/DDATA/edge1/tbm-7", new ReadOnlySequence<byte>(Encode(T0, 1, Double(null, 99, 5))), output);

        refusal!.Reason.Should().Be("unknown_alias");
        refusal.Message.Should().Contain("99");
        output.Lines.Should().Be(0);
        _translator.RebirthTopic.Should().Be("spBv1.0/north/NCMD/edge1");
    }

    [Fact]
    public void Translate_AliasWithoutAnyBirth_IsRefused()
    {
        var refusal = _translator.Translate("spBv1.0/north/DDATA/edge9/tbm-1", new ReadOnlySequence<byte>(Encode(T0, 5, Double(null, 1, 5))), new LineBuilder());
        refusal!.Reason.Should().Be("unknown_alias");
        refusal.Message.Should().Contain("no NBIRTH");
    }

    [Fact]
    public void Translate_Ddeath_WritesOnlineFalseAtTheDeathTime()
    {
        Run("spBv1.0/north/NBIRTH/edge1", Encode(T0, 0, BdSeq(0)));
        Run("spBv1.0/north/DBIRTH/edge1/tbm-7", Encode(T0, 1, Double("Thrust", 1, 1)));
        Run("spBv1.0/north/DDEATH/edge1/tbm-7", Encode(T0 + 60_000, 2))
            .Should().Be("tbm,site=north,id=tbm-7 online=false 1777622460000000000\n");
    }

    [Fact]
    public void Translate_NdeathWithCurrentBdSeq_TakesEveryBornDeviceOffline()
    {
        Run("spBv1.0/north/NBIRTH/edge1", Encode(T0, 0, BdSeq(4)));
        Run("spBv1.0/north/DBIRTH/edge1/tbm-7", Encode(T0, 1, Double("Thrust", 1, 1)));
        Run("spBv1.0/north/DBIRTH/edge1/tbm-8", Encode(T0, 2, Double("Thrust", 2, 1)));
        Run("spBv1.0/north/NDEATH/edge1", Encode(T0 + 1000, null, BdSeq(4)))
            .Should().Be("tbm,site=north,id=tbm-7 online=false 1777622401000000000\ntbm,site=north,id=tbm-8 online=false 1777622401000000000\n");
    }

    [Fact]
    public void Translate_NdeathFromAnEarlierSession_IsIgnored()
    {
        Run("spBv1.0/north/NBIRTH/edge1", Encode(T0, 0, BdSeq(5)));
        Run("spBv1.0/north/DBIRTH/edge1/tbm-7", Encode(T0, 1, Double("Thrust", 1, 1)));
        Run("spBv1.0/north/NDEATH/edge1", Encode(T0, null, BdSeq(4))).Should().BeEmpty();
        _translator.Warning.Should().Be("stale_death");
        Run("spBv1.0/north/DDATA/edge1/tbm-7", Encode(T0 + 1000, 2, Double(null, 1, 2))).Should().Contain("thrust_kn=2");
    }

    [Fact]
    public void Translate_SequenceGap_IsAcceptedWithAWarning()
    {
        Run("spBv1.0/north/NBIRTH/edge1", Encode(T0, 0, BdSeq(0)));
        Run("spBv1.0/north/DBIRTH/edge1/tbm-7", Encode(T0, 1, Double("Thrust", 1, 1)));
        Run("spBv1.0/north/DDATA/edge1/tbm-7", Encode(T0, 5, Double(null, 1, 2))).Should().Contain("thrust_kn=2");
        _translator.Warning.Should().Be("sequence_gap");
        Run("spBv1.0/north/DDATA/edge1/tbm-7", Encode(T0, 6, Double(null, 1, 3)));
        _translator.Warning.Should().BeNull();
    }

    [Fact]
    public void Translate_SignedInt32_IsReadAsTwosComplement()
    {
        var translator = new SparkplugTranslator(new MqttSubscriptionOptions { Topic = "spBv1.0/#", Format = "sparkplugb", Kind = "truck", Fields = new() { ["I"] = "battery_current_a" } });
        var output = new LineBuilder();
        translator.Translate("spBv1.0/g/DDATA/n/truck-1", new ReadOnlySequence<byte>(Encode(T0, null, Int32("I", null, -120))), output).Should().BeNull();
        Encoding.UTF8.GetString(output.Written).Should().Be($"truck,id=truck-1 battery_current_a=-120 {Ns}\n");
    }

    [Fact]
    public void Translate_NotProtobuf_IsRefusedAsMalformed()
    {
        var refusal = _translator.Translate("spBv1.0/north/DDATA/edge1/tbm-7", new ReadOnlySequence<byte>([0xFF, 0xFF, 0xFF, 0x01]), new LineBuilder());
        refusal!.Reason.Should().Be("malformed_sparkplug");
    }

    [Fact]
    public void Translate_AfterARestartWithTheSessionStore_StillKnowsTheAliases()
    {
        var file = Path.Combine(Path.GetTempPath(), $"sparkplug-{Guid.NewGuid():N}.json");
        try
        {
            var options = new MqttSubscriptionOptions { Topic = "spBv1.0/#", Format = "sparkplugb", Kind = "tbm", Fields = new() { ["Thrust"] = "thrust_kn" } };
            var before = new SparkplugTranslator(options, new SparkplugSessionStore(file));
            before.Translate("spBv1.0/north/NBIRTH/edge1", new ReadOnlySequence<byte>(Encode(T0, 0, BdSeq(2))), new LineBuilder()).Should().BeNull();
            before.Translate("spBv1.0/north/DBIRTH/edge1/tbm-7", new ReadOnlySequence<byte>(Encode(T0, 1, Double("Thrust", 5, 1))), new LineBuilder()).Should().BeNull();

            // A new gateway process: the broker re-sends the DDATA the old one had not acknowledged.
            var after = new SparkplugTranslator(options, new SparkplugSessionStore(file));
            var output = new LineBuilder();
            after.Translate("spBv1.0/north/DDATA/edge1/tbm-7", new ReadOnlySequence<byte>(Encode(T0, 2, Double(null, 5, 3.5))), output).Should().BeNull();
            Encoding.UTF8.GetString(output.Written).Should().Be($"tbm,id=tbm-7 thrust_kn=3.5 {Ns}\n");
            after.Warning.Should().BeNull();

            // And the node's later death still takes the device offline.
            output = new LineBuilder();
            after.Translate("spBv1.0/north/NDEATH/edge1", new ReadOnlySequence<byte>(Encode(T0, null, BdSeq(2))), output).Should().BeNull();
            Encoding.UTF8.GetString(output.Written).Should().Be($"tbm,id=tbm-7 online=false {Ns}\n");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private string Run(string topic, byte[] payload)
    {
        var output = new LineBuilder();
        var refusal = _translator.Translate(topic, new ReadOnlySequence<byte>(payload), output);
        refusal.Should().BeNull();
        return Encoding.UTF8.GetString(output.Written);
    }
}
