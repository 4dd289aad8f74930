using System.Net.Http.Headers;
using System.Text;

namespace Equipment.Gateway.Ingest;

/// <summary>Finds the token in any of the ways InfluxDB clients send one.</summary>
internal static class Credentials
{
    /// <summary><c>Authorization: Token X</c> (v2), <c>Bearer X</c>, Basic auth with the token as password, or <c>?p=X</c> (v1).</summary>
    public static string? Find(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.Length > 0 && AuthenticationHeaderValue.TryParse(header, out var auth) && auth.Parameter is { } parameter)
        {
            if (auth.Scheme.Equals("Token", StringComparison.OrdinalIgnoreCase) || auth.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
            {
                return parameter;
            }

            if (auth.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
            {
                try
                {
                    var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
                    var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                    return colon >= 0 ? decoded[(colon + 1)..] : decoded;
                }
                catch (FormatException)
                {
                    return null;
                }
            }
        }

        var p = request.Query["p"].ToString();
        return p.Length > 0 ? p : null;
    }
}
