using System.Buffers;
using Equipment.Gbt32960.Framing;

namespace Equipment.Tests.Gbt32960;

public class FrameReaderTests
{
    [Fact]
    public void TryRead_WorkedHeartbeat_ReadsHeaderAndChecksBcc()
    {
        var buffer = new ReadOnlySequence<byte>(WorkedFrames.Heartbeat2016);

        var result = FrameReader.TryRead(ref buffer);

        result.Status.Should().Be(ReadStatus.Frame);
        result.Frame!.Edition.Should().Be(Edition.V2016);
        result.Frame.Command.Should().Be(Command.Heartbeat);
        result.Frame.Ack.Should().Be(AckFlag.Command);
        result.Frame.Vin.Should().Be(WorkedFrames.Vin);
        result.Frame.Encryption.Should().Be(Encryption.None);
        result.Frame.Data.Should().BeEmpty();
        buffer.Length.Should().Be(0);
    }

    [Fact]
    public void TryRead_BytesArrivingOneByOne_NeedsMoreUntilTheLastByte()
    {
        var frame = WorkedFrames.Realtime2025;
        var received = new List<byte>();
        for (var i = 0; i < frame.Length; i++)
        {
            received.Add(frame[i]);
            var buffer = new ReadOnlySequence<byte>(received.ToArray());
            var result = FrameReader.TryRead(ref buffer);
            if (i < frame.Length - 1)
            {
                result.Status.Should().Be(ReadStatus.NeedMore, $"only {i + 1} of {frame.Length} bytes are there");
                buffer.Length.Should().Be(i + 1);
            }
            else
            {
                result.Status.Should().Be(ReadStatus.Frame);
                result.Frame!.Edition.Should().Be(Edition.V2025);
                result.Frame.Data.Should().HaveCount(0x5B);
            }
        }
    }

    [Fact]
    public void TryRead_FrameSplitAcrossSegments_IsReassembled()
    {
        var frame = WorkedFrames.Realtime2016;
        var buffer = Segments(frame[..7], frame[7..50], frame[50..]);

        var result = FrameReader.TryRead(ref buffer);

        result.Status.Should().Be(ReadStatus.Frame);
        result.Frame!.Data.Should().Equal(frame[24..^1]);
    }

    [Fact]
    public void TryRead_GarbageThenTwoFrames_SkipsGarbageAndReadsBoth()
    {
        byte[] garbage = [0x00, 0x23, 0x41, 0x24, 0x99];
        var buffer = new ReadOnlySequence<byte>([.. garbage, .. WorkedFrames.Heartbeat2016, .. WorkedFrames.Realtime2025]);

        var first = FrameReader.TryRead(ref buffer);
        var second = FrameReader.TryRead(ref buffer);
        var third = FrameReader.TryRead(ref buffer);
        var fourth = FrameReader.TryRead(ref buffer);

        first.Status.Should().Be(ReadStatus.Garbage);
        first.Skipped.Should().Be(5);
        second.Frame!.Command.Should().Be(Command.Heartbeat);
        third.Frame!.Command.Should().Be(Command.Realtime);
        fourth.Status.Should().Be(ReadStatus.NeedMore);
    }

    [Fact]
    public void TryRead_GarbageEndingInAStartByte_StillFindsTheFrameBehindIt()
    {
        var buffer = new ReadOnlySequence<byte>([0x23, .. WorkedFrames.Heartbeat2016]);

        ReadResult result;
        do
        {
            result = FrameReader.TryRead(ref buffer);
        }
        while (result.Status is ReadStatus.Garbage or ReadStatus.BadCheck);

        result.Status.Should().Be(ReadStatus.Frame);
        result.Frame!.Vin.Should().Be(WorkedFrames.Vin);
    }

    [Fact]
    public void TryRead_WrongBcc_ReportsBadCheckAndFindsTheNextFrame()
    {
        var bad = WorkedFrames.Heartbeat2016;
        bad[^1] ^= 0x01;
        var buffer = new ReadOnlySequence<byte>([.. bad, .. WorkedFrames.Heartbeat2016]);

        var first = FrameReader.TryRead(ref buffer);
        first.Status.Should().Be(ReadStatus.BadCheck);
        first.Frame!.Vin.Should().Be(WorkedFrames.Vin);
        first.Reason.Should().Contain("0xCD").And.Contain("0xCC");

        ReadResult next;
        do
        {
            next = FrameReader.TryRead(ref buffer);
        }
        while (next.Status is ReadStatus.Garbage or ReadStatus.BadCheck);

        next.Status.Should().Be(ReadStatus.Frame);
        next.Frame!.Command.Should().Be(Command.Heartbeat);
    }

    [Fact]
    public void TryRead_LengthOverTheLimit_IsSkippedAsGarbage()
    {
        var frame = WorkedFrames.Heartbeat2016;
        frame[22] = 0xFF;
        frame[23] = 0xFC; // 65532: one over the standard's maximum
        var buffer = new ReadOnlySequence<byte>(frame);

        var result = FrameReader.TryRead(ref buffer);

        result.Status.Should().Be(ReadStatus.Garbage);
        result.Reason.Should().Contain("65532");
    }

    [Fact]
    public void Reply_LoginAtSampleTime_MatchesTheWorkedReply()
    {
        var login = new Frame(Edition.V2016, Command.VehicleLogin, AckFlag.Command, WorkedFrames.Vin, Encryption.None, [0x1A, 0x0C, 0x02, 0x15, 0x1E, 0x05, 0x00, 0x01]);

        var reply = FrameWriter.Reply(login, AckFlag.Success, DateTimeOffset.UnixEpoch);

        reply.Should().Equal(WorkedFrames.LoginSuccessReply2016);
    }

    [Fact]
    public void Reply_VinUnknownIn2016_BecomesOtherError()
    {
        var login = new Frame(Edition.V2016, Command.VehicleLogin, AckFlag.Command, WorkedFrames.Vin, Encryption.None, []);
        var login2025 = login with { Edition = Edition.V2025 };

        FrameWriter.Reply(login, AckFlag.VinUnknown, WorkedFrames.SampleTime)[3].Should().Be(AckFlag.Error);
        FrameWriter.Reply(login2025, AckFlag.VinUnknown, WorkedFrames.SampleTime)[3].Should().Be(AckFlag.VinUnknown);
    }

    [Fact]
    public void Reply_TimeSync_CarriesThePlatformTimeInBeijingTime()
    {
        var sync = new Frame(Edition.V2016, Command.TimeSync, AckFlag.Command, WorkedFrames.Vin, Encryption.None, []);

        var reply = FrameWriter.Reply(sync, AckFlag.Success, new DateTimeOffset(2026, 12, 31, 20, 0, 0, TimeSpan.Zero));

        // 20:00 UTC on 31 December is 04:00 on 1 January in Beijing.
        reply[24..30].Should().Equal(27, 1, 1, 4, 0, 0);
        reply[^1].Should().Be(Bcc.Compute(reply.AsSpan(2, reply.Length - 3)));
    }

    private static ReadOnlySequence<byte> Segments(params byte[][] parts)
    {
        var first = new Segment(parts[0], 0);
        var last = first;
        foreach (var p in parts.Skip(1))
        {
            last = last.Append(p);
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(byte[] data, long index)
        {
            Memory = data;
            RunningIndex = index;
        }

        public Segment Append(byte[] data)
        {
            var next = new Segment(data, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
