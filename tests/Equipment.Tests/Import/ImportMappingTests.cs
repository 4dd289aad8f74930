using Equipment.Telemetry.Import;

namespace Equipment.Tests.Import;

public sealed class ImportMappingTests
{
    private const string Time = "\"time\": { \"column\": \"t\", \"format\": \"yyyy-MM-dd HH:mm:ss\", \"timeZone\": \"UTC\" }";

    [Theory]
    [InlineData("{ " + Time + ", \"channels\": { \"F\": { \"field\": \"thrust\" } } }", "channels.\"F\".field", "not a field of tbm")]
    [InlineData("{ " + Time + ", \"channels\": { \"F\": { \"field\": \"thrust_kn\", \"unit\": \"MPa\" } } }", "channels.\"F\".unit", "cannot convert 'MPa' to thrust_kn's unit kN")]
    [InlineData("{ " + Time + ", \"channels\": { \"F\": { \"field\": \"thrust_kn\", \"units\": \"MN\" } } }", "channels.\"F\".units", "unknown key")]
    [InlineData("{ " + Time + ", \"channels\": { \"F\": { \"field\": \"thrust_kn\" }, \"G\": { \"field\": \"thrust_kn\" } } }", "channels.\"G\".field", "already mapped from \"F\"")]
    [InlineData("{ \"time\": { \"column\": \"t\", \"format\": \"dd.MM.yyyy HH:mm\" }, \"channels\": { \"F\": { \"field\": \"rpm\" } } }", "time.timeZone", "required for format")]
    [InlineData("{ \"time\": { \"column\": \"t\", \"format\": \"iso8601\", \"timeZone\": \"Mars/Olympus\" }, \"channels\": { \"F\": { \"field\": \"rpm\" } } }", "time.timeZone", "not a known IANA time zone")]
    [InlineData("{ " + Time + ", \"channels\": {} }", "channels", "maps no column")]
    [InlineData("{ " + Time + ", \"measurement\": \"truck\", \"channels\": { \"F\": { \"field\": \"rpm\" } } }", "measurement", "does not match the import kind 'tbm'")]
    [InlineData("{ " + Time + ", \"tags\": { \"id\": \"x\" }, \"channels\": { \"F\": { \"field\": \"rpm\" } } }", "tags.id", "not allowed")]
    [InlineData("{ " + Time + ", \"channels\": { \"F\": { \"field\": \"boring\", \"unit\": \"%\" } } }", "channels.\"F\".unit", "is a boolean")]
    [InlineData("{ \"time\": 5, \"channels\": {} }", "time", "required")]
    [InlineData("{ \"delimiter\": \";;\", " + Time + ", \"channels\": { \"F\": { \"field\": \"rpm\" } } }", "delimiter", "one character")]
    [InlineData("{ " + Time + ", \"channels\": { ", "(file)", "not valid JSON")]
    public void Load_MappingWithError_NamesTheKey(string json, string key, string message)
    {
        var act = () => ImportMapping.Load(json, "tbm");
        var error = act.Should().Throw<ImportMappingException>().Which;
        error.Key.Should().Be(key);
        error.Message.Should().Contain(message).And.StartWith($"mapping: {key}: ");
    }

    [Fact]
    public void Load_SampleMapping_MapsEveryTbmChannel()
    {
        var path = Path.Combine(Equipment.Testing.RepositoryPaths.Root, "data", "samples", "tbm-logger-mapping.json");
        var mapping = ImportMapping.Load(File.ReadAllText(path), "tbm");
        mapping.Channels.Should().HaveCount(13);
        mapping.HeaderLine.Should().Be(4);
        mapping.TimeZone!.Id.Should().Be("Europe/Vienna");
        mapping.Channels.Single(c => c.Field == "gripper_pressure_bar").Conversion.Apply(30).Should().BeApproximately(300, 1e-9);
    }

    [Fact]
    public void Load_CustomField_StoredAsFloatUnderItsName()
    {
        var mapping = ImportMapping.Load("{ " + Time + ", \"channels\": { \"Motor 1 [A]\": { \"field\": \"motor_1_current_a\", \"unit\": \"A\", \"custom\": true } } }", "tbm");
        mapping.Channels.Single().Field.Should().Be("motor_1_current_a");
    }
}
