using Equipment.Dashboard.Runs;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Equipment.Tests.Runs;

public sealed class RunQueryTests
{
    [Theory]
    [InlineData("limit", "0", "limit")]
    [InlineData("limit", "1001", "limit")]
    [InlineData("limit", "ten", "limit")]
    [InlineData("cursor", "-5", "cursor")]
    [InlineData("order", "newest", "order")]
    [InlineData("from", "yesterday", "from")]
    [InlineData("to", "2026-13-01", "to")]
    [InlineData("fromRouteKm", "NaN", "fromRouteKm")]
    [InlineData("toRouteKm", "far", "toRouteKm")]
    public void Parse_BadParameter_ErrorNamesIt(string key, string value, string field)
    {
        var query = RunQuery.Parse(Collection((key, value)), out var error);

        query.Should().BeNull();
        error.Should().Contain(value);
        RunQuery.FieldOf(error!).Should().Be(field);
    }

    [Fact]
    public void Parse_RangesBackwards_ErrorNamesTheUpperBound()
    {
        RunQuery.Parse(Collection(("from", "2026-03-02T00:00:00Z"), ("to", "2026-03-01T00:00:00Z")), out var timeError).Should().BeNull();
        RunQuery.FieldOf(timeError!).Should().Be("to");
        RunQuery.Parse(Collection(("fromRouteKm", "2600"), ("toRouteKm", "2411")), out var kmError).Should().BeNull();
        RunQuery.FieldOf(kmError!).Should().Be("toRouteKm");
    }

    [Fact]
    public void Parse_NoParameters_UnpagedOldestFirst()
    {
        var query = RunQuery.Parse(Collection(), out var error)!;

        error.Should().BeNull();
        query.Paged.Should().BeFalse();
        query.Descending.Should().BeFalse();
    }

    [Fact]
    public void Parse_LimitAndNewestFirst_PagedDescending()
    {
        var query = RunQuery.Parse(Collection(("limit", "10"), ("order", "desc"), ("from", "2026-03-02T08:00:00+08:00")), out _)!;

        query.Paged.Should().BeTrue();
        query.Limit.Should().Be(10);
        query.Descending.Should().BeTrue();
        query.From.Should().Be(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero));
    }

    private static QueryCollection Collection(params (string Key, string Value)[] parameters) =>
        new(parameters.ToDictionary(p => p.Key, p => new StringValues(p.Value)));
}
