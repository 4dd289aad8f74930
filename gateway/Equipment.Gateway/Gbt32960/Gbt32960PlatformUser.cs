namespace Equipment.Gateway.Gbt32960;

/// <summary>A lower platform's credentials for platform login 0x05 (12-byte user, 20-byte password fields).</summary>
public sealed class Gbt32960PlatformUser
{
    public string User { get; set; } = "";

    public string Password { get; set; } = "";
}
