using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Equipment.Dashboard.Security;

/// <summary>
/// <c>Authorization: Bearer KEY</c> for the REST API and the hub, and <c>?access_token=KEY</c> on the hub only,
/// because browsers cannot set headers on WebSocket and server-sent-event requests and SignalR sends it there.
/// </summary>
public sealed class KeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    UserKeyStore users) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Key";

    /// <summary>True when the request carries a key this handler should judge (rather than a session cookie).</summary>
    public static bool HasKey(HttpRequest request) => FindKey(request) is not null;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = FindKey(Request);
        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }

        var user = await users.FindByKeyAsync(key, Context.RequestAborted);
        return user is null
            ? AuthenticateResult.Fail("unknown key")
            : AuthenticateResult.Success(new AuthenticationTicket(user.ToPrincipal(SchemeName), SchemeName));
    }

    private static string? FindKey(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var key = header["Bearer ".Length..].Trim();
            return key.Length > 0 ? key : null;
        }

        if (request.Path.StartsWithSegments(Hubs.EquipmentHub.Path, StringComparison.Ordinal))
        {
            var token = request.Query["access_token"].ToString();
            return token.Length > 0 ? token : null;
        }

        return null;
    }
}
