namespace Equipment.Domain.Routes;

public static class KnownRoutes
{
    private static readonly Lazy<RouteProfile> G318Route = new(() =>
    {
        using var stream = typeof(KnownRoutes).Assembly.GetManifestResourceStream("Equipment.Domain.Routes.g318.csv")
            ?? throw new InvalidOperationException("Embedded route g318 is missing.");
        using var reader = new StreamReader(stream);
        return RouteCsv.Parse("g318", reader.ReadToEnd());
    });

    /// <summary>China National Highway 318, Chengdu → Everest base camp (2,714 km), embedded.</summary>
    public static RouteProfile G318 => G318Route.Value;

    /// <summary>The embedded route with this id (case-insensitive), or null.</summary>
    public static RouteProfile? Find(string? id) =>
        string.Equals(id, "g318", StringComparison.OrdinalIgnoreCase) ? G318 : null;
}
