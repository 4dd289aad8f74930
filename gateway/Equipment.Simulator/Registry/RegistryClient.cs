using System.Net.Http.Headers;
using System.Text;

namespace Equipment.Simulator.Registry;

/// <summary>
/// Registers machines with the dashboard. Telemetry must flow even when the dashboard is down, so
/// failures are logged and the run continues.
/// </summary>
public sealed class RegistryClient(HttpClient http, string dashboardUrl, string? token, Action<string> log)
{
    public async Task<int> RegisterAllAsync(IReadOnlyList<RegistrationRequest> requests, CancellationToken cancellationToken)
    {
        var registered = 0;
        foreach (var request in requests)
        {
            var error = await PutAsync(request, cancellationToken).ConfigureAwait(false);
            if (error is null)
            {
                registered++;
                continue;
            }

            log($"registry: {request.Id} not registered ({error}); continuing without the dashboard");
            if (registered == 0)
            {
                // The first failure almost always means the dashboard is down: don't wait on each machine.
                break;
            }
        }

        return registered;
    }

    private async Task<string?> PutAsync(RegistrationRequest request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Put, $"{dashboardUrl}/api/equipment/{Uri.EscapeDataString(request.Id)}")
        {
            Content = new StringContent(request.JsonBody, Encoding.UTF8, "application/json"),
        };
        if (!string.IsNullOrEmpty(token))
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        try
        {
            using var response = await http.SendAsync(message, cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return ex.Message;
        }
    }
}
