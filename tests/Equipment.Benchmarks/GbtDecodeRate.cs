using System.Buffers;
using System.Diagnostics;
using Equipment.Gbt32960.Data;
using Equipment.Gbt32960.Framing;

namespace Equipment.Benchmarks;

/// <summary>
/// The gateway's GB/T 32960 frame reader and real-time decoder alone, in this process on one thread: frames per
/// second of one core (thread CPU time), for the "≥ 100,000 frames/s decoded per core" goal. The whole-gateway
/// figure (decode + lines + spool + delivery) comes from the platform run.
/// </summary>
public static class GbtDecodeRate
{
    public static (double FramesPerCpuSecond, long Frames) Measure(byte[][] frames, TimeSpan duration)
    {
        var stream = new ReadOnlySequence<byte>(frames.SelectMany(f => f).ToArray());
        long decoded = 0;
        var thread = new Thread(() =>
        {
            // Warm up (tiered JIT), then measure.
            Decode(stream, frames.Length, ref decoded);
            Thread.Sleep(200);
            Decode(stream, frames.Length, ref decoded);
            decoded = 0;
            var start = ThreadCpu();
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < duration)
            {
                Decode(stream, frames.Length, ref decoded);
            }

            Elapsed = ThreadCpu() - start;
        });
        thread.Start();
        thread.Join();
        return (decoded / Elapsed.TotalSeconds, decoded);
    }

    private static TimeSpan Elapsed { get; set; }

    private static void Decode(ReadOnlySequence<byte> stream, int expected, ref long decoded)
    {
        var buffer = stream;
        var n = 0;
        while (true)
        {
            var result = FrameReader.TryRead(ref buffer);
            if (result.Status != ReadStatus.Frame)
            {
                break;
            }

            var data = DataDecoder.Realtime(result.Frame!.Edition, result.Frame.Data);
            if (!data.Ok)
            {
                throw new InvalidOperationException($"the gateway's decoder refused a simulator frame: {data.Error}");
            }

            n++;
        }

        if (n != expected)
        {
            throw new InvalidOperationException($"decoded {n} of {expected} frames");
        }

        decoded += n;
    }

    /// <summary>CPU time of the calling thread (CLOCK_THREAD_CPUTIME_ID), so background load on the machine does not count.</summary>
    private static TimeSpan ThreadCpu()
    {
        clock_gettime(3, out var ts);
        return TimeSpan.FromTicks((ts.Seconds * TimeSpan.TicksPerSecond) + (ts.Nanoseconds / 100));
    }

    [System.Runtime.InteropServices.DllImport("libc")]
    private static extern int clock_gettime(int clock, out Timespec ts);

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private record struct Timespec(long Seconds, long Nanoseconds);
}
