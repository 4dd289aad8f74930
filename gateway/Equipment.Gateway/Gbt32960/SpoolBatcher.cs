using System.Threading.Channels;
using Equipment.Gateway.Spool;
using Equipment.Telemetry.Ingest;

namespace Equipment.Gateway.Gbt32960;

/// <summary>
/// The T-Box frames' way into the same write-ahead spool as HTTP writes. Thousands of connections each send one
/// small frame at a time; appended one by one they would make thousands of tiny records. The batcher collects what
/// arrives while the previous record is being written into one record (one machine's lines kept together and in
/// order), and completes every frame's task once that record is fsynced.
/// </summary>
public sealed class SpoolBatcher : IAsyncDisposable
{
    private const int MaxFramesPerRecord = 1024;
    private readonly WriteAheadSpool _spool;
    private readonly Channel<(IngestResult Result, TaskCompletionSource Done)> _queue =
        Channel.CreateUnbounded<(IngestResult, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly Task _loop;

    public SpoolBatcher(WriteAheadSpool spool)
    {
        _spool = spool;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Records (spool appends) written since start; frames / records is the batching factor.</summary>
    public long Records { get; private set; }

    /// <summary>Completes once the frame's lines are fsynced in the spool; faults when the spool is full or failing.</summary>
    public Task AppendAsync(IngestResult result)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite((result, done)))
        {
            done.SetException(new ObjectDisposedException(nameof(SpoolBatcher)));
        }

        return done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private async Task RunAsync()
    {
        var taken = new List<(IngestResult Result, TaskCompletionSource Done)>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            taken.Clear();
            while (taken.Count < MaxFramesPerRecord && _queue.Reader.TryRead(out var item))
            {
                taken.Add(item);
            }

            var batches = Merge(taken, out var points);
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var (record, length) = SpoolRecord.Encode(batches, now);
            var append = _spool.TryAppend(record, length, batches, now, points);
            if (append is null)
            {
                Fail(taken, new InvalidOperationException("the gateway's spool is full"));
                continue;
            }

            Records++;
            try
            {
                await append;
                foreach (var (_, done) in taken)
                {
                    done.TrySetResult();
                }
            }
            catch (Exception e)
            {
                Fail(taken, e);
            }
        }
    }

    private static void Fail(List<(IngestResult Result, TaskCompletionSource Done)> taken, Exception e)
    {
        foreach (var (_, done) in taken)
        {
            done.TrySetException(e);
        }
    }

    /// <summary>One <see cref="EquipmentLines"/> per machine, its frames' lines concatenated in arrival order.</summary>
    private static List<EquipmentLines> Merge(List<(IngestResult Result, TaskCompletionSource Done)> taken, out int points)
    {
        points = 0;
        var byMachine = new Dictionary<(Equipment.Telemetry.Schema.EquipmentKind, string), List<EquipmentLines>>();
        var order = new List<(Equipment.Telemetry.Schema.EquipmentKind, string)>();
        foreach (var (result, _) in taken)
        {
            points += result.Points;
            foreach (var b in result.Batches)
            {
                var key = (b.Kind, b.Id);
                if (!byMachine.TryGetValue(key, out var list))
                {
                    byMachine[key] = list = [];
                    order.Add(key);
                }

                list.Add(b);
            }
        }

        var merged = new List<EquipmentLines>(order.Count);
        foreach (var key in order)
        {
            var parts = byMachine[key];
            if (parts.Count == 1)
            {
                merged.Add(parts[0]);
                continue;
            }

            var bytes = new byte[parts.Sum(p => p.Lines.Length)];
            var at = 0;
            foreach (var p in parts)
            {
                p.Lines.CopyTo(bytes, at);
                at += p.Lines.Length;
            }

            merged.Add(new EquipmentLines(key.Item1, key.Item2, bytes, parts.Sum(p => p.Points)));
        }

        return merged;
    }
}
