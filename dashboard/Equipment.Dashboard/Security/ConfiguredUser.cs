namespace Equipment.Dashboard.Security;

/// <summary>A user bootstrapped from configuration (<c>Dashboard:Users</c>), typically the first admin.</summary>
public sealed class ConfiguredUser
{
    public string Name { get; set; } = "";

    public string Key { get; set; } = "";

    public List<string> Roles { get; set; } = [];

    public string? Scope { get; set; }
}
