using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Equipment.Simulator.Tests.Support;

/// <summary>
/// A tiny real HTTP server on 127.0.0.1 and a free port, answering from a script of responses
/// (the last one repeats) and recording every request.
/// </summary>
public sealed class LoopbackHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Queue<(int Status, string? RetryAfter)> _script;
    private readonly (int Status, string? RetryAfter) _last;
    private readonly Task _loop;

    public LoopbackHttpServer(params (int Status, string? RetryAfter)[] responses)
    {
        _script = new Queue<(int, string?)>(responses);
        _last = responses.Length > 0 ? responses[^1] : (204, null);
        var port = FreePort();
        Url = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Url + "/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public List<RecordedRequest> Requests { get; } = [];

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            lock (Requests)
            {
                Requests.Add(new RecordedRequest(
                    context.Request.HttpMethod,
                    context.Request.Url!.AbsolutePath,
                    context.Request.Url.Query,
                    context.Request.Headers["Authorization"],
                    context.Request.ContentType,
                    body));
            }

            var (status, retryAfter) = _script.Count > 0 ? _script.Dequeue() : _last;
            context.Response.StatusCode = status;
            if (retryAfter is not null)
            {
                context.Response.Headers["Retry-After"] = retryAfter;
            }

            context.Response.Close();
        }
    }
}
