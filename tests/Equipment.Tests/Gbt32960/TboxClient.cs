using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Equipment.Gbt32960.Framing;

namespace Equipment.Tests.Gbt32960;

/// <summary>A T-Box on a real loopback TCP connection: sends bytes, reads the platform's reply frames.</summary>
public sealed class TboxClient : IDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private byte[] _pending = [];

    private TboxClient(TcpClient tcp)
    {
        _tcp = tcp;
        _tcp.NoDelay = true;
        _stream = tcp.GetStream();
    }

    public static async Task<TboxClient> ConnectAsync(int port)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        return new TboxClient(tcp);
    }

    public async Task SendAsync(params byte[][] frames)
    {
        await _stream.WriteAsync(frames.SelectMany(f => f).ToArray());
        await _stream.FlushAsync();
    }

    /// <summary>Each byte in its own write, with a pause so the gateway sees them in separate reads.</summary>
    public async Task SendByteByByteAsync(byte[] frame)
    {
        foreach (var b in frame)
        {
            await _stream.WriteAsync(new[] { b });
            await _stream.FlushAsync();
            await Task.Delay(2);
        }
    }

    public async Task<Frame> ReadFrameAsync(int seconds = 30)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var chunk = new byte[4096];
        while (true)
        {
            var buffer = new ReadOnlySequence<byte>(_pending);
            var result = FrameReader.TryRead(ref buffer);
            _pending = buffer.ToArray();
            if (result.Status == ReadStatus.Frame)
            {
                return result.Frame!;
            }

            if (result.Status != ReadStatus.NeedMore)
            {
                continue;
            }

            var n = await _stream.ReadAsync(chunk, timeout.Token);
            if (n == 0)
            {
                throw new IOException("the gateway closed the connection before replying");
            }

            _pending = [.. _pending, .. chunk.AsSpan(0, n)];
        }
    }

    /// <summary>True once the gateway has closed the connection (a read ends or fails) within the time given.</summary>
    public async Task<bool> IsClosedAsync(int seconds = 30)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var chunk = new byte[4096];
        try
        {
            while (true)
            {
                var n = await _stream.ReadAsync(chunk, timeout.Token);
                if (n == 0)
                {
                    return true;
                }
            }
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    public void Dispose() => _tcp.Dispose();
}
