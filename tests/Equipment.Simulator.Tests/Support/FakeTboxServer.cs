using System.Net;
using System.Net.Sockets;
using Equipment.Simulator.Gbt32960;

namespace Equipment.Simulator.Tests.Support;

/// <summary>
/// A platform on a loopback port that records every frame a T-Box sends, per connection, and answers logins,
/// logouts and heartbeats with success (ack 0x01, the request's time kept, as the 2025 text says). Logins can be
/// left unanswered, and every open connection can be dropped, to exercise the T-Box's retries.
/// </summary>
public sealed class FakeTboxServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<ReceivedFrame> _frames = [];
    private readonly List<TcpClient> _open = [];
    private readonly Task _accepting;
    private int _connections;
    private int _logins;

    public FakeTboxServer()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>Whether to answer the n-th login (1-based, over the server's life); an unanswered login's connection is closed.</summary>
    public Func<int, bool> AnswerLogin { get; set; } = _ => true;

    public IReadOnlyList<ReceivedFrame> Frames
    {
        get
        {
            lock (_frames)
            {
                return [.. _frames];
            }
        }
    }

    public async Task<IReadOnlyList<ReceivedFrame>> WaitForAsync(Func<IReadOnlyList<ReceivedFrame>, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var frames = Frames;
            if (condition(frames))
            {
                return frames;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"waited 30 s for {what}; received: " +
            string.Join(", ", Frames.Select(f => $"#{f.Connection} 0x{f.Frame.Command:X2}")));
    }

    public void DropConnections()
    {
        lock (_open)
        {
            foreach (var c in _open)
            {
                c.Client.LingerState = new LingerOption(true, 0);
                c.Dispose();
            }

            _open.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        DropConnections();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            lock (_open)
            {
                _open.Add(client);
            }

            _ = ServeAsync(client, Interlocked.Increment(ref _connections));
        }
    }

    private async Task ServeAsync(TcpClient client, int connection)
    {
        try
        {
            var stream = client.GetStream();
            var reader = new GbtFrameReader(stream);
            while (await reader.ReadAsync(_stop.Token) is { } frame)
            {
                lock (_frames)
                {
                    _frames.Add(new ReceivedFrame(connection, frame, DateTime.UtcNow));
                }

                if (frame.Ack != GbtCommand.IsCommand || frame.Command is not (GbtCommand.Login or GbtCommand.Logout or GbtCommand.Heartbeat))
                {
                    continue;
                }

                if (frame.Command == GbtCommand.Login && !AnswerLogin(Interlocked.Increment(ref _logins)))
                {
                    break;
                }

                var reply = GbtFrame.Build(frame.Edition, frame.Command, GbtCommand.AckSuccess, frame.Vin, frame.Data.AsSpan(0, Math.Min(6, frame.Data.Length)));
                await stream.WriteAsync(reply, _stop.Token);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            lock (_open)
            {
                _open.Remove(client);
            }

            client.Dispose();
        }
    }
}
