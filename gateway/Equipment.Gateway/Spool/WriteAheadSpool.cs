using System.Buffers;
using System.Collections.Concurrent;
using System.Threading.Channels;
using Equipment.Telemetry.Ingest;

namespace Equipment.Gateway.Spool;

/// <summary>
/// The gateway's write-ahead spool: accepted requests are appended as CRC-checked records to segment files
/// and answered only after an fsync (group commit: one writer thread drains every request waiting and
/// syncs once for all of them). A deliverer reads the records back in order; the durable checkpoint says
/// how far they reached InfluxDB, and segments behind it are deleted. One process owns a directory at a
/// time (an exclusive lock file), because two writers would interleave records.
/// </summary>
public sealed class WriteAheadSpool : IDisposable
{
    /// <summary>Bytes per group commit at most, so one sync never waits for an unbounded batch.</summary>
    private const long MaxGroupBytes = 16L * 1024 * 1024;

    /// <summary>Records kept in memory for the deliverer at most; beyond that it reads them back from disk.</summary>
    private const long MaxHotBytes = 64L * 1024 * 1024;

    private readonly long _segmentBytes;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly FileStream _lock;
    private readonly Channel<PendingAppend> _appends = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Thread _writer;
    private readonly TaskCompletionSource _writerDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<long> _segments;
    private readonly Lock _segmentsLock = new();
    private readonly PriorityQueue<TaskCompletionSource, long> _deliveryWaiters = new();
    private readonly Lock _waitersLock = new();
    private readonly ConcurrentQueue<SpoolEntry> _hot = new();
    private long _hotBytes;
    private FileStream? _current;
    private long _currentStart;
    private long _currentSynced;
    private long _durableEnd;
    private long _reservedEnd;
    private long _delivered;
    private long _checkpoint;
    private long _oldestUndeliveredMs;
    private long _syncs;
    private volatile Exception? _fault;
    private TaskCompletionSource _appended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _deliveredSignal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public WriteAheadSpool(string directory, long maxBytes, long segmentBytes, ILogger logger, TimeProvider? time = null)
    {
        Directory = Path.GetFullPath(directory);
        MaxBytes = maxBytes;
        _segmentBytes = segmentBytes;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        System.IO.Directory.CreateDirectory(Directory);
        try
        {
            // FileShare.None takes an exclusive flock on Unix; the kernel drops it when the process dies, even by -9.
            _lock = new FileStream(Path.Combine(Directory, "lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new InvalidOperationException($"the spool directory {Directory} is in use by another gateway", e);
        }

        Id = LoadOrCreateId(Directory);
        var state = SpoolRecovery.Run(Directory, logger);
        _segments = state.Segments;
        _durableEnd = _reservedEnd = state.End;
        _delivered = _checkpoint = state.Checkpoint;
        if (_segments.Count > 0)
        {
            _currentStart = _segments[^1];
            _current = OpenSegment(_currentStart, FileMode.Open);
            _currentSynced = _current.Length;
            _current.Seek(0, SeekOrigin.End);
        }

        if (state.End > state.Checkpoint)
        {
            logger.LogInformation("Spool {Directory}: {Bytes} bytes to deliver from position {Checkpoint} (truncated {Truncated} torn bytes)", Directory, state.End - state.Checkpoint, state.Checkpoint, state.TruncatedBytes);
        }

        _writer = new Thread(WriteLoop) { IsBackground = true, Name = "spool writer" };
        _writer.Start();
    }

    public string Directory { get; }

    /// <summary>
    /// This spool's identity (a GUID kept in the file <c>id</c>): with a record's log position it names the record
    /// for the twins, which apply each (spool, position) once. A wiped spool directory starts a new identity, as
    /// its positions start again.
    /// </summary>
    public string Id { get; }

    public long MaxBytes { get; }

    /// <summary>Log position up to which every record is on disk (fsynced).</summary>
    public long DurableEnd => Volatile.Read(ref _durableEnd);

    /// <summary>Log position up to which every record reached InfluxDB (in memory; the checkpoint trails it).</summary>
    public long Delivered => Volatile.Read(ref _delivered);

    public long Checkpoint => Volatile.Read(ref _checkpoint);

    /// <summary>Accepted bytes not yet delivered, those still waiting for their fsync included.</summary>
    public long PendingBytes => Volatile.Read(ref _reservedEnd) - Delivered;

    public bool IsWritable => _fault is null;

    /// <summary>fsyncs of appended data since start; far fewer than appends under concurrency (group commit).</summary>
    public long Syncs => Interlocked.Read(ref _syncs);

    /// <summary>
    /// Queues a framed record (<see cref="SpoolRecord.Encode"/>; the spool returns the pooled buffer). The task
    /// completes with the position after the record once it is fsynced. Null when the spool is full. With
    /// <paramref name="batches"/> (what the record holds) the deliverer takes them from memory instead of disk.
    /// </summary>
    public Task<long>? TryAppend(byte[] buffer, int length, IReadOnlyList<EquipmentLines>? batches = null, long receivedUnixMs = 0, int points = 0)
    {
        while (true)
        {
            var reserved = Volatile.Read(ref _reservedEnd);
            if (reserved + length - Delivered > MaxBytes)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                return null;
            }

            if (Interlocked.CompareExchange(ref _reservedEnd, reserved + length, reserved) == reserved)
            {
                break;
            }
        }

        var append = new PendingAppend(buffer, length, batches is null ? null : new SpoolEntry(0, 0, receivedUnixMs, batches, points));
        if (!_appends.Writer.TryWrite(append))
        {
            Interlocked.Add(ref _reservedEnd, -length);
            ArrayPool<byte>.Shared.Return(buffer);
            return Task.FromException<long>(new ObjectDisposedException(nameof(WriteAheadSpool)));
        }

        return append.Completion.Task;
    }

    /// <summary>Completes once a record was fsynced past <paramref name="position"/>.</summary>
    public async Task WaitForDataAsync(long position, CancellationToken ct)
    {
        while (true)
        {
            var signal = Volatile.Read(ref _appended);
            if (DurableEnd > position)
            {
                return;
            }

            await signal.Task.WaitAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>Completes once every record before <paramref name="end"/> reached InfluxDB.</summary>
    public Task WaitDeliveredAsync(long end, CancellationToken ct)
    {
        TaskCompletionSource waiter;
        lock (_waitersLock)
        {
            if (Delivered >= end)
            {
                return Task.CompletedTask;
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _deliveryWaiters.Enqueue(waiter, end);
        }

        return waiter.Task.WaitAsync(ct);
    }

    /// <summary>The oldest record kept in memory for the deliverer, if any.</summary>
    internal bool TryPeekHot(out SpoolEntry entry) => _hot.TryPeek(out entry!);

    internal void DropHot()
    {
        if (_hot.TryDequeue(out var entry))
        {
            Interlocked.Add(ref _hotBytes, -(entry.End - entry.Position));
        }
    }

    /// <summary>A reader from the delivered position (at start: the checkpoint, so a restart replays what was not delivered).</summary>
    public SpoolReader OpenReader() => new(this, Delivered, _logger);

    /// <summary>The deliverer reports that every record before <paramref name="end"/> reached InfluxDB.</summary>
    public void MarkDelivered(long end)
    {
        Volatile.Write(ref _delivered, end);
        lock (_waitersLock)
        {
            while (_deliveryWaiters.TryPeek(out var waiter, out var at) && at <= end)
            {
                _deliveryWaiters.Dequeue();
                waiter.TrySetResult();
            }
        }

        Interlocked.Exchange(ref _deliveredSignal, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>Receive time (unix ms) of the oldest record not yet delivered, or 0 when all are; for the lag in /stats.</summary>
    public void SetOldestUndelivered(long receivedUnixMs) => Volatile.Write(ref _oldestUndeliveredMs, receivedUnixMs);

    /// <summary>
    /// Saves the delivered position as the checkpoint whenever it moves, then deletes the segments behind it.
    /// Saves coalesce: while one fsync runs, later deliveries pile up into the next save.
    /// </summary>
    public async Task RunCheckpointsAsync(CancellationToken ct)
    {
        try
        {
            while (true)
            {
                var signal = Volatile.Read(ref _deliveredSignal);
                if (Delivered == Checkpoint)
                {
                    await signal.Task.WaitAsync(ct).ConfigureAwait(false);
                    continue;
                }

                SaveCheckpoint();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            SaveCheckpoint();
        }
    }

    public SpoolStatus Status()
    {
        var oldest = Volatile.Read(ref _oldestUndeliveredMs);
        var lag = oldest == 0 ? 0 : Math.Max(0, (_time.GetUtcNow().ToUnixTimeMilliseconds() - oldest) / 1000.0);
        int segments;
        lock (_segmentsLock)
        {
            segments = _segments.Count;
        }

        return new SpoolStatus(PendingBytes, MaxBytes, segments, DurableEnd, Delivered, Checkpoint, lag, Syncs, IsWritable, _fault?.Message);
    }

    /// <summary>Start of the segment holding <paramref name="position"/> (the first segment when it is before all of them).</summary>
    internal long? SegmentContaining(long position)
    {
        lock (_segmentsLock)
        {
            if (_segments.Count == 0)
            {
                return null;
            }

            var index = _segments.BinarySearch(position);
            return index >= 0 ? _segments[index] : _segments[Math.Max(0, ~index - 1)];
        }
    }

    internal long? SegmentAfter(long start)
    {
        lock (_segmentsLock)
        {
            var index = _segments.BinarySearch(start);
            var next = index >= 0 ? index + 1 : ~index;
            return next < _segments.Count ? _segments[next] : null;
        }
    }

    public void Dispose()
    {
        _appends.Writer.TryComplete();
        _writerDone.Task.Wait(TimeSpan.FromSeconds(10));
        _current?.Dispose();
        _lock.Dispose();
    }

    /// <summary>Saves the delivered position now (the deliverer does this continuously) and deletes delivered segments.</summary>
    public void SaveCheckpoint()
    {
        var delivered = Delivered;
        if (delivered == Checkpoint)
        {
            return;
        }

        try
        {
            SpoolCheckpoint.Save(Directory, delivered);
            Volatile.Write(ref _checkpoint, delivered);
            DeleteDeliveredSegments(delivered);
        }
        catch (IOException e)
        {
            // Not fatal: a stale checkpoint only means more redelivery after a crash (idempotent).
            _logger.LogWarning("Spool checkpoint not saved: {Message}", e.Message);
        }
    }

    private void DeleteDeliveredSegments(long checkpoint)
    {
        while (true)
        {
            long start;
            lock (_segmentsLock)
            {
                // A segment is done when the next one starts at or before the checkpoint; the writer's is never deleted.
                if (_segments.Count < 2 || _segments[1] > checkpoint)
                {
                    return;
                }

                start = _segments[0];
                _segments.RemoveAt(0);
            }

            File.Delete(SpoolSegments.PathOf(Directory, start));
        }
    }

    private static string LoadOrCreateId(string directory)
    {
        var path = Path.Combine(directory, "id");
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: 32 } existing && Guid.TryParseExact(existing, "N", out _))
        {
            return existing;
        }

        var id = Guid.NewGuid().ToString("N");
        var temp = path + ".tmp";
        using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            file.Write(System.Text.Encoding.ASCII.GetBytes(id));
            file.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
        return id;
    }

    private FileStream OpenSegment(long start, FileMode mode) =>
        new(SpoolSegments.PathOf(Directory, start), mode, FileAccess.Write, FileShare.Read | FileShare.Delete, 64 * 1024);

    private void WriteLoop()
    {
        var reader = _appends.Reader;
        var group = new List<PendingAppend>();
        try
        {
            while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                long bytes = 0;
                while (bytes < MaxGroupBytes && reader.TryRead(out var append))
                {
                    group.Add(append);
                    bytes += append.Length;
                }

                WriteGroup(group);
                group.Clear();
            }
        }
        finally
        {
            _writerDone.TrySetResult();
        }
    }

    /// <summary>Appends a group and fsyncs once; on failure the unsynced tail is cut off and those requests fail (503).</summary>
    private void WriteGroup(List<PendingAppend> group)
    {
        var committed = 0;
        var position = DurableEnd;
        try
        {
            // Writes to a deleted directory would land in unlinked files and vanish at restart: refuse instead.
            if (!System.IO.Directory.Exists(Directory))
            {
                throw new IOException($"the spool directory {Directory} is gone");
            }

            for (var i = 0; i < group.Count; i++)
            {
                var append = group[i];
                if (_current is null || (_current.Position > 0 && _current.Position + append.Length > _segmentBytes))
                {
                    // Records never span segments: sync what this segment holds, then roll at the durable end.
                    Commit(group, committed, i, position);
                    committed = i;
                    Roll(position);
                }

                _current!.Write(append.Buffer, 0, append.Length);
                position += append.Length;
                append.End = position;
            }

            Commit(group, committed, group.Count, position);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            _fault = e;
            _logger.LogError("Spool write failed: {Message}", e.Message);
            long failed = 0;
            for (var i = committed; i < group.Count; i++)
            {
                failed += group[i].Length;
                ArrayPool<byte>.Shared.Return(group[i].Buffer);
                group[i].Completion.TrySetException(e);
            }

            Interlocked.Add(ref _reservedEnd, -failed);
            // The next group reopens the segment and cuts it back to its synced length.
            try
            {
                _current?.Dispose();
            }
            catch (Exception close) when (close is IOException or UnauthorizedAccessException)
            {
                _logger.LogDebug("Closing the failed spool segment: {Message}", close.Message);
            }

            _current = null;
        }
    }

    private void Commit(List<PendingAppend> group, int from, int to, long position)
    {
        if (from == to)
        {
            return;
        }

        _current!.Flush(flushToDisk: true);
        Interlocked.Increment(ref _syncs);
        _currentSynced = _current.Length;
        for (var i = from; i < to; i++)
        {
            // Before the durable end moves, so the deliverer finds them when it looks.
            var append = group[i];
            if (append.Decoded is { } decoded && Volatile.Read(ref _hotBytes) + append.Length <= MaxHotBytes)
            {
                _hot.Enqueue(decoded with { Position = append.End - append.Length, End = append.End });
                Interlocked.Add(ref _hotBytes, append.Length);
            }
        }

        Volatile.Write(ref _durableEnd, position);
        _fault = null;
        Interlocked.Exchange(ref _appended, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        for (var i = from; i < to; i++)
        {
            ArrayPool<byte>.Shared.Return(group[i].Buffer);
            group[i].Completion.TrySetResult(group[i].End);
        }
    }

    private void Roll(long position)
    {
        if (_current is not null && _currentStart == position)
        {
            return;
        }

        if (_current is null && _segments.Count > 0 && _currentStart == _segments[^1] && File.Exists(SpoolSegments.PathOf(Directory, _currentStart)))
        {
            // Reopen after a failure: continue the segment at its synced length.
            _current = OpenSegment(_currentStart, FileMode.Open);
            _current.SetLength(_currentSynced);
            _current.Seek(0, SeekOrigin.End);
            if (_currentSynced < _segmentBytes)
            {
                return;
            }
        }

        _current?.Dispose();
        _current = null;
        _current = OpenSegment(position, FileMode.Create);
        _currentStart = position;
        _currentSynced = 0;
        lock (_segmentsLock)
        {
            _segments.Add(position);
        }
    }
}
