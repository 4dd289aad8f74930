namespace Equipment.Domain.Routes;

public static class KnownRoutes
{
    private static readonly Lazy<RouteProfile> G318Route = new(() =>
        RouteCsv.Parse("g318", Resource("Equipment.Domain.Routes.g318.csv"))
            .WithChargingPoints(ChargingPointCsv.Parse(Resource("Equipment.Domain.Routes.g318-charging-points.csv"))));

    /// <summary>China National Highway 318, Chengdu → Everest base camp (2,714 km), with its public DC chargers; from data/routes.</summary>
    public static RouteProfile G318 => G318Route.Value;

    /// <summary>The embedded route with this id (case-insensitive), or null.</summary>
    public static RouteProfile? Find(string? id) =>
        string.Equals(id, "g318", StringComparison.OrdinalIgnoreCase) ? G318 : null;

    private static string Resource(string name)
    {
        using var stream = typeof(KnownRoutes).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded route data {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
