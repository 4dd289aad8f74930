using Equipment.Simulator.Core;

namespace Equipment.Simulator.Tests.Core;

public class SeedDerivationTests
{
    [Fact]
    public void Derive_SameSeedAndId_IsStableAcrossCalls()
    {
        SeedDerivation.Derive(42, "tbm-01").Should().Be(SeedDerivation.Derive(42, "tbm-01"));
    }

    [Fact]
    public void Derive_DifferentIdsOrSeeds_GiveDifferentStreams()
    {
        var seeds = new[]
        {
            SeedDerivation.Derive(42, "tbm-01"), SeedDerivation.Derive(42, "tbm-02"),
            SeedDerivation.Derive(43, "tbm-01"), SeedDerivation.Derive(42, "truck-01"),
        };

        seeds.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void FindUpward_RepositoryRoute_IsFoundFromTheTestBinaryFolder()
    {
        var path = DataFileLocator.FindUpward("data/routes/g318-chengdu-everest-base-camp.csv", AppContext.BaseDirectory);

        path.Should().NotBeNull();
        File.Exists(path).Should().BeTrue();
    }

    [Fact]
    public void Resolve_MissingExplicitPath_NamesTheOption()
    {
        var act = () => DataFileLocator.Resolve("/nonexistent/route.csv", "x", "--route");

        act.Should().Throw<FileNotFoundException>().WithMessage("*--route*");
    }
}
