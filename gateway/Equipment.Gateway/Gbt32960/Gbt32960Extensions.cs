using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Equipment.Gateway.Gbt32960;

public static class Gbt32960Extensions
{
    /// <summary>The GB/T 32960 T-Box listener: a Kestrel TCP endpoint beside the HTTP one, unless <c>Gbt32960:Port</c> is 0.</summary>
    public static WebApplicationBuilder AddGbt32960(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<Gbt32960Options>()
            .BindConfiguration(Gbt32960Options.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<Gbt32960Statistics>();
        builder.Services.AddSingleton<SessionTable>();
        builder.Services.AddSingleton<VinDirectory>();
        builder.Services.AddSingleton<SpoolBatcher>();
        builder.Services.AddSingleton<Gbt32960ConnectionHandler>();

        var o = builder.Configuration.GetSection(Gbt32960Options.Section).Get<Gbt32960Options>() ?? new Gbt32960Options();
        if (o.Port == 0)
        {
            return builder;
        }

        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<Gbt32960Options>>((kestrel, _) =>
        {
            // Kestrel drops the URLs from configuration once endpoints are configured in code: keep them.
            var urls = builder.Configuration["urls"] ?? builder.Configuration["ASPNETCORE_URLS"] ?? builder.Configuration["Kestrel:Endpoints:Http:Url"];
            foreach (var url in (urls ?? "http://localhost:5000").Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                var uri = new Uri(url.Replace("*", "0.0.0.0", StringComparison.Ordinal).Replace("+", "0.0.0.0", StringComparison.Ordinal));
                if (uri.Host is "localhost")
                {
                    kestrel.ListenLocalhost(uri.Port);
                }
                else
                {
                    kestrel.Listen(IPAddress.Parse(uri.Host.Trim('[', ']')), uri.Port);
                }
            }

            void Tbox(ListenOptions l) => l.UseConnectionHandler<Gbt32960ConnectionHandler>();
            if (o.LoopbackOnly)
            {
                kestrel.Listen(IPAddress.Loopback, o.Port, Tbox);
            }
            else
            {
                kestrel.ListenAnyIP(o.Port, Tbox);
            }
        });
        return builder;
    }
}
