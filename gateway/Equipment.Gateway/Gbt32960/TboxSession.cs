using System.Buffers;
using System.IO.Pipelines;
using Equipment.Contracts.Messages;
using Equipment.Gateway.Ingest;
using Equipment.Gbt32960.Crypto;
using Equipment.Gbt32960.Data;
using Equipment.Gbt32960.Framing;
using Equipment.Telemetry.Ingest;
using Microsoft.AspNetCore.Connections;

namespace Equipment.Gateway.Gbt32960;

/// <summary>
/// One connection: frames in, replies out. A vehicle connection logs one VIN in (0x01) before its data counts; a
/// platform connection (0x05) forwards any registered VIN. Nothing of a frame that fails its BCC, decryption,
/// decoding or schema validation is stored.
/// </summary>
internal sealed class TboxSession(
    ConnectionContext connection,
    Gbt32960Options options,
    Gbt32960Statistics statistics,
    SessionTable sessions,
    VinDirectory vins,
    IngestParser parser,
    SpoolBatcher spool,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>Frames of one read whose spooling may run at once before the session waits for them.</summary>
    private const int MaxFramesInFlight = 512;

    private readonly HashSet<string> _vins = new(StringComparer.Ordinal);

    // Real-time frames get no reply once stored, so the frames of one read are spooled together (one fsync) and settled
    // before the next read or the next command that is answered; a failed one is answered with an error then.
    private readonly Queue<(Frame Frame, Task Stored, int Points)> _inFlight = new();
    private bool _platform;

    public async Task RunAsync()
    {
        var input = connection.Transport.Input;
        var maxData = options.MaxFrameBytes - FrameLayout.HeaderBytes - 1;
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed);
        idle.CancelAfter(TimeSpan.FromSeconds(options.IdleSeconds));
        while (true)
        {
            System.IO.Pipelines.ReadResult read;
            try
            {
                read = await input.ReadAsync(idle.Token);
            }
            catch (OperationCanceledException) when (!connection.ConnectionClosed.IsCancellationRequested)
            {
                logger.LogInformation("GB/T 32960 connection {Id} ({Vins}) closed: no frame for {Seconds} s", connection.ConnectionId, string.Join(",", _vins), options.IdleSeconds);
                connection.Abort(new ConnectionAbortedException("idle"));
                return;
            }

            var buffer = read.Buffer;
            var before = buffer.Length;
            var keepOpen = true;
            while (keepOpen)
            {
                var result = FrameReader.TryRead(ref buffer, maxData);
                if (result.Status == ReadStatus.NeedMore)
                {
                    break;
                }

                if (result.Status == ReadStatus.Garbage)
                {
                    continue;
                }

                // Only whole frames count as life: a peer trickling bytes that never make a frame is closed as idle.
                idle.CancelAfter(TimeSpan.FromSeconds(options.IdleSeconds));
                if (result.Status == ReadStatus.BadCheck)
                {
                    statistics.BadFrame();
                    logger.LogDebug("GB/T 32960 frame from {Vin} refused: {Reason}", result.Frame!.Vin, result.Reason);
                    if (result.Frame!.IsCommand)
                    {
                        await ReplyAsync(result.Frame, AckFlag.Error);
                    }

                    continue;
                }

                keepOpen = await HandleAsync(result.Frame!);
            }

            statistics.Received(before - buffer.Length);
            input.AdvanceTo(buffer.Start, buffer.End);
            await SettleAsync();
            if (!keepOpen || read.IsCompleted)
            {
                if (!keepOpen)
                {
                    // A graceful close (FIN after the reply), not Abort: a reset would destroy the refusal before the T-Box reads it.
                    await connection.Transport.Output.FlushAsync();
                    await connection.Transport.Output.CompleteAsync();
                }

                return;
            }
        }
    }

    public void ReleaseAll()
    {
        foreach (var vin in _vins)
        {
            sessions.Release(vin, connection);
        }
    }

    /// <returns>False when the connection is to be closed.</returns>
    private async Task<bool> HandleAsync(Frame frame)
    {
        if (!frame.IsCommand)
        {
            // A reply (to a downlink command the platform does not send): the standard forbids answering it.
            return true;
        }

        if (frame.Command is not (Command.Realtime or Command.Resent))
        {
            // Replies go out in the order the frames came.
            await SettleAsync();
        }

        switch (frame.Command)
        {
            case Command.VehicleLogin:
                return await LoginAsync(frame);
            case Command.Realtime:
            case Command.Resent:
                await RealtimeAsync(frame);
                return true;
            case Command.VehicleLogout:
                _vins.Remove(frame.Vin);
                sessions.Release(frame.Vin, connection);
                await ReplyAsync(frame, AckFlag.Success);
                return true;
            case Command.PlatformLogin:
                return await PlatformLoginAsync(frame);
            case Command.PlatformLogout:
                await ReplyAsync(frame, AckFlag.Success);
                return false;
            case Command.Heartbeat:
            case Command.TimeSync:
                await ReplyAsync(frame, AckFlag.Success);
                return true;
            default:
                statistics.BadFrame();
                await ReplyAsync(frame, AckFlag.Error);
                return true;
        }
    }

    private async Task<bool> LoginAsync(Frame frame)
    {
        // Not the connection's token: a frame sent just before the T-Box hung up is still handled (and stored).
        var ct = CancellationToken.None;
        var binding = await vins.FindAsync(frame.Vin, ct);
        if (binding is null && options.AcceptUnregistered && Vin.IsValid(frame.Vin) && frame.Encryption == Encryption.None)
        {
            binding = await vins.RegisterAsync(frame.Vin, ct);
        }

        if (binding is null)
        {
            statistics.Refuse();
            logger.LogWarning("GB/T 32960 login of unknown VIN {Vin} from {Remote} refused", frame.Vin, connection.RemoteEndPoint);
            await ReplyAsync(frame, AckFlag.VinUnknown);
            return _platform;
        }

        var plain = Decrypt(frame, binding);
        if (plain is null)
        {
            await ReplyAsync(frame, AckFlag.DecryptionError);
            return _platform;
        }

        var login = DataDecoder.VehicleLogin(frame.Edition, plain);
        if (!login.Ok)
        {
            statistics.BadFrame();
            logger.LogWarning("GB/T 32960 login of {Vin} refused: {Error}", frame.Vin, login.Error);
            await ReplyAsync(frame, AckFlag.StructureError);
            return _platform;
        }

        if (!_platform)
        {
            sessions.Claim(frame.Vin, connection);
        }

        _vins.Add(frame.Vin);
        statistics.Login();
        await ReplyAsync(frame, AckFlag.Success);
        return true;
    }

    private async Task<bool> PlatformLoginAsync(Frame frame)
    {
        var login = frame.Encryption == Encryption.None ? DataDecoder.PlatformLogin(frame.Data) : new DecodeResult<PlatformLogin>(null, "platform login must not be encrypted");
        var ok = login.Value is { } l && options.PlatformUsers.Any(u => u.User == l.User && u.Password == l.Password);
        if (!ok)
        {
            statistics.Refuse();
            logger.LogWarning("GB/T 32960 platform login from {Remote} refused: {Reason}", connection.RemoteEndPoint, login.Error ?? "unknown user or wrong password");
            await ReplyAsync(frame, AckFlag.Error);
            return false;
        }

        _platform = true;
        statistics.Login();
        await ReplyAsync(frame, AckFlag.Success);
        return true;
    }

    private async Task RealtimeAsync(Frame frame)
    {
        if (!_platform && !_vins.Contains(frame.Vin))
        {
            statistics.BadFrame();
            await ReplyAsync(frame, AckFlag.Error);
            return;
        }

        var binding = await vins.FindAsync(frame.Vin, CancellationToken.None);
        if (binding is null)
        {
            statistics.Refuse();
            await ReplyAsync(frame, AckFlag.VinUnknown);
            return;
        }

        var plain = Decrypt(frame, binding);
        if (plain is null)
        {
            await ReplyAsync(frame, AckFlag.DecryptionError);
            return;
        }

        var decoded = DataDecoder.Realtime(frame.Edition, plain);
        if (!decoded.Ok)
        {
            statistics.BadFrame();
            logger.LogWarning("GB/T 32960 frame of {Vin} refused: {Error}", frame.Vin, decoded.Error);
            await ReplyAsync(frame, AckFlag.StructureError);
            return;
        }

        using var lines = new ByteBuffer(1024);
        TruckLineMapper.Write(decoded.Value!, binding, lines);
        if (lines.Length == 0)
        {
            return;
        }

        // The same parser and normaliser as HTTP writes, scoped to this truck: the schema is checked identically.
        var result = parser.Parse(lines.WrittenSpan, 1, 0, TokenScope.Parse($"equipment:{binding.EquipmentId}"));
        if (result.Outcome != IngestOutcome.Accepted)
        {
            statistics.BadFrame();
            logger.LogWarning("GB/T 32960 frame of {Vin} refused: {Error}", frame.Vin, result.Error.Message);
            await ReplyAsync(frame, AckFlag.Error);
            return;
        }

        _inFlight.Enqueue((frame, spool.AppendAsync(result), result.Points));
        if (_inFlight.Count >= MaxFramesInFlight)
        {
            await SettleAsync();
        }
    }

    /// <summary>Waits for the frames being spooled; counts the stored ones and answers a failed one with an error.</summary>
    private async Task SettleAsync()
    {
        while (_inFlight.TryDequeue(out var pending))
        {
            try
            {
                await pending.Stored;
                statistics.Stored(pending.Frame.Command == Command.Resent, pending.Points);
            }
            catch (Exception e)
            {
                // Not durable: an error reply makes the T-Box send the frame again.
                logger.LogWarning("GB/T 32960 frame of {Vin} not spooled: {Message}", pending.Frame.Vin, e.Message);
                await ReplyAsync(pending.Frame, AckFlag.Error);
            }
        }
    }

    private byte[]? Decrypt(Frame frame, VinBinding binding)
    {
        if (frame.Encryption == Encryption.None)
        {
            return frame.Data;
        }

        var key = binding.KeyHex is { Length: 32 } hex ? Convert.FromHexString(hex) : null;
        var plain = FrameCipher.TryDecrypt(frame.Edition, frame.Encryption, frame.Data, key);
        if (plain is null)
        {
            statistics.Undecrypted();
            logger.LogWarning("GB/T 32960 frame of {Vin} with encryption 0x{Encryption:X2} could not be decrypted", frame.Vin, frame.Encryption);
        }

        return plain;
    }

    private async Task ReplyAsync(Frame frame, byte ack)
    {
        if (connection.ConnectionClosed.IsCancellationRequested)
        {
            return;
        }

        var reply = FrameWriter.Reply(frame, ack, time.GetUtcNow());
        await connection.Transport.Output.WriteAsync(reply);
    }
}
