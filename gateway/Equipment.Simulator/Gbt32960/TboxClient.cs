using System.Net.Sockets;
using System.Threading.Channels;

namespace Equipment.Simulator.Gbt32960;

/// <summary>
/// The T-Box's link to the platform (GB/T 32960.3 appendix B): connect, log in (0x01, daily serial) and wait for
/// the answer, then send what the <see cref="TboxDevice"/> produced, in order. A login without a success answer is
/// retried after <see cref="TboxClientOptions.LoginRetryDelay"/>, after every third failure in a row after
/// <see cref="TboxClientOptions.LongRetryDelay"/>. While the link is down frames are kept (up to
/// <see cref="TboxClientOptions.BufferFrames"/>, oldest dropped first) and go out as re-sent (0x03) once a new
/// session is logged in. A day end logs out (0x04, the login's serial), closes and logs in again for the new day;
/// when the run ends the client sends what is queued and logs out.
/// </summary>
public sealed class TboxClient
{
    private readonly string _iccid;
    private readonly IReadOnlyList<string> _packCodes;
    private readonly TboxClientOptions _options;
    private readonly TboxStatistics _statistics;
    private readonly Action<string> _log;
    private readonly Channel<TboxMessage> _queue;
    private TboxMessage? _unsent;
    private DateOnly _serialDay;
    private int _serial;
    private long _latestTicks;

    public TboxClient(string vin, string iccid, IReadOnlyList<string> packCodes, TboxClientOptions options, TboxStatistics statistics, Action<string> log)
    {
        Vin = vin;
        _iccid = iccid;
        _packCodes = packCodes;
        _options = options;
        _statistics = statistics;
        _log = log;
        _queue = Channel.CreateBounded<TboxMessage>(
            new BoundedChannelOptions(options.BufferFrames) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = true },
            _ => statistics.RecordDropped());
    }

    public string Vin { get; }

    /// <summary>Simulated time of the latest message handed in: a login carries it.</summary>
    public DateTime LatestTimeUtc => new(Interlocked.Read(ref _latestTicks), DateTimeKind.Utc);

    public void Enqueue(TboxMessage message)
    {
        if (message.TimeUtc.Ticks > Interlocked.Read(ref _latestTicks))
        {
            Interlocked.Exchange(ref _latestTicks, message.TimeUtc.Ticks);
        }

        _queue.Writer.TryWrite(message);
    }

    /// <summary>Nothing more will be enqueued: <see cref="RunAsync"/> sends what is left, logs out and returns.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    /// <summary>Runs the link until <see cref="Complete"/> was called and everything is sent, or <paramref name="abort"/> fires.</summary>
    public async Task RunAsync(CancellationToken abort)
    {
        var failures = 0;
        while (!abort.IsCancellationRequested)
        {
            if (_queue.Reader.Completion.IsCompleted && _unsent is null)
            {
                return;
            }

            using var tcp = new TcpClient { NoDelay = true };
            using var session = CancellationTokenSource.CreateLinkedTokenSource(abort);
            Task? readerTask = null;
            var delay = TimeSpan.Zero;
            try
            {
                using (var connect = CancellationTokenSource.CreateLinkedTokenSource(abort))
                {
                    connect.CancelAfter(_options.ReplyTimeout);
                    await tcp.ConnectAsync(_options.Host, _options.Port, connect.Token).ConfigureAwait(false);
                }

                var stream = tcp.GetStream();
                var replies = Channel.CreateUnbounded<GbtFrame>();
                readerTask = ReadRepliesAsync(new GbtFrameReader(stream), replies.Writer, session);

                var loginTime = LatestTimeUtc == default ? DateTime.UtcNow : LatestTimeUtc;
                var serial = NextSerial(loginTime);
                await SendAsync(stream, GbtCommand.Login, GbtEncoder.Login(_options.Edition, loginTime, serial, _iccid, _packCodes), session.Token).ConfigureAwait(false);
                var answer = await WaitForReplyAsync(replies.Reader, GbtCommand.Login, session.Token).ConfigureAwait(false);
                if (answer?.Ack != GbtCommand.AckSuccess)
                {
                    failures++;
                    _statistics.RecordLoginFailure();
                    delay = failures % _options.LoginAttemptsBeforeLongDelay == 0 ? _options.LongRetryDelay : _options.LoginRetryDelay;
                    _log($"{Vin}: login {serial} {(answer is null ? "not answered" : $"refused (ack 0x{answer.Ack:X2})")}; retry in {delay.TotalSeconds:F0} s");
                }
                else
                {
                    failures = 0;
                    _statistics.RecordLogin();
                    await SessionAsync(stream, replies.Reader, serial, loginTime, session.Token).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException && !abort.IsCancellationRequested)
            {
                _statistics.RecordConnectionLost();
                delay = _options.LoginRetryDelay;
                _log($"{Vin}: link lost ({ex.Message}); reconnect in {delay.TotalSeconds:F0} s");
            }
            catch (OperationCanceledException)
            {
                return;
            }
            finally
            {
                await session.CancelAsync().ConfigureAwait(false);
                tcp.Dispose();
                if (readerTask is not null)
                {
                    await readerTask.ConfigureAwait(false);
                }
            }

            if (delay > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(delay, abort).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task SessionAsync(NetworkStream stream, ChannelReader<GbtFrame> replies, int serial, DateTime loginTime, CancellationToken session)
    {
        while (true)
        {
            if (_unsent is null)
            {
                bool more;
                try
                {
                    more = await _queue.Reader.WaitToReadAsync(session).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (session.IsCancellationRequested)
                {
                    throw new IOException("the platform closed the connection");
                }

                if (!more)
                {
                    await LogoutAsync(stream, replies, serial, LatestTimeUtc, session).ConfigureAwait(false);
                    return;
                }

                if (!_queue.Reader.TryRead(out _unsent))
                {
                    continue;
                }
            }

            var m = _unsent;
            switch (m.Kind)
            {
                case TboxMessageKind.DayEnd:
                    await LogoutAsync(stream, replies, serial, m.TimeUtc, session).ConfigureAwait(false);
                    _unsent = null;
                    return;
                case TboxMessageKind.Heartbeat:
                    await SendAsync(stream, GbtCommand.Heartbeat, [], session).ConfigureAwait(false);
                    _statistics.RecordHeartbeat();
                    break;
                case TboxMessageKind.RealTime when m.TimeUtc >= loginTime:
                    await SendAsync(stream, GbtCommand.RealTime, m.Data, session).ConfigureAwait(false);
                    _statistics.RecordRealTime();
                    break;
                default:
                    // Fault-window samples, and real-time frames held back while the link was down (B.2.8).
                    await SendAsync(stream, GbtCommand.Resent, m.Data, session).ConfigureAwait(false);
                    _statistics.RecordResent();
                    break;
            }

            _unsent = null;
        }
    }

    private async Task LogoutAsync(NetworkStream stream, ChannelReader<GbtFrame> replies, int serial, DateTime timeUtc, CancellationToken session)
    {
        await SendAsync(stream, GbtCommand.Logout, GbtEncoder.Logout(timeUtc, serial), session).ConfigureAwait(false);
        _statistics.RecordLogout();
        if (await WaitForReplyAsync(replies, GbtCommand.Logout, session).ConfigureAwait(false) is null)
        {
            _log($"{Vin}: logout {serial} not answered");
        }
    }

    private int NextSerial(DateTime timeUtc)
    {
        var day = GbtTime.BeijingDate(timeUtc);
        if (day != _serialDay)
        {
            _serialDay = day;
            _serial = 0;
        }

        _serial = (_serial % 65531) + 1;
        return _serial;
    }

    private Task SendAsync(NetworkStream stream, byte command, byte[] data, CancellationToken ct) =>
        stream.WriteAsync(GbtFrame.Build(_options.Edition, command, GbtCommand.IsCommand, Vin, data), ct).AsTask();

    /// <summary>The platform's answer to <paramref name="command"/>, or null after the reply timeout or when the link closed.</summary>
    private async Task<GbtFrame?> WaitForReplyAsync(ChannelReader<GbtFrame> replies, byte command, CancellationToken session)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(session);
        timeout.CancelAfter(_options.ReplyTimeout);
        try
        {
            while (true)
            {
                var frame = await replies.ReadAsync(timeout.Token).ConfigureAwait(false);
                if (frame.Command == command)
                {
                    return frame;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            return null;
        }
    }

    private async Task ReadRepliesAsync(GbtFrameReader reader, ChannelWriter<GbtFrame> replies, CancellationTokenSource session)
    {
        try
        {
            while (await reader.ReadAsync(session.Token).ConfigureAwait(false) is { } frame)
            {
                if (frame.Command is GbtCommand.RealTime or GbtCommand.Resent && frame.Ack != GbtCommand.AckSuccess)
                {
                    _statistics.RecordErrorReply();
                    _log($"{Vin}: platform answered a data frame with ack 0x{frame.Ack:X2}");
                }
                else
                {
                    replies.TryWrite(frame);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            replies.TryComplete();
            if (!session.IsCancellationRequested)
            {
                await session.CancelAsync().ConfigureAwait(false);
            }
        }
    }
}
