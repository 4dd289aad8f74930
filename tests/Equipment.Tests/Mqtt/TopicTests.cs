using Equipment.Gateway.Mqtt;

namespace Equipment.Tests.Mqtt;

public sealed class TopicTests
{
    [Theory]
    [InlineData("site/+/tbm/+", "site/north/tbm/tbm-1", true)]
    [InlineData("site/+/tbm/+", "site/north/tbm", false)]
    [InlineData("site/+/tbm/+", "site/north/tbm/tbm-1/x", false)]
    [InlineData("spBv1.0/north/#", "spBv1.0/north/DDATA/edge/dev", true)]
    [InlineData("spBv1.0/north/#", "spBv1.0/south/DDATA/edge/dev", false)]
    [InlineData("#", "a/b", true)]
    [InlineData("a/b", "a/b", true)]
    public void Matches_Filters_AsTheBrokerDoes(string filter, string topic, bool expected) =>
        TopicFilter.Matches(filter, topic).Should().Be(expected);

    [Theory]
    [InlineData("a/#/b")]
    [InlineData("a/b#")]
    [InlineData("a/x+/b")]
    [InlineData("")]
    public void Validate_BadFilter_SaysWhy(string filter) => TopicFilter.Validate(filter).Should().NotBeNull();

    [Fact]
    public void Match_Template_CapturesNamedLevels()
    {
        var template = new TopicTemplate("site/{site}/+/{id}");
        template.Match("site/north/tbm/tbm-1").Should().Equal(new KeyValuePair<string, string>("site", "north"), new KeyValuePair<string, string>("id", "tbm-1"));
        template.Match("site/north/tbm").Should().BeNull();
        template.Match("yard/north/tbm/tbm-1").Should().BeNull();
    }
}
