using System.Buffers.Binary;
using System.Text;
using Equipment.Gateway.Spool;
using Equipment.Telemetry.Ingest;
using Equipment.Telemetry.Schema;
using Microsoft.Extensions.Logging.Abstractions;

namespace Equipment.Durability.Tests.Spool;

public sealed class WriteAheadSpoolTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "equipment-spool-unit-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task TryAppend_ManyConcurrentRequests_ShareFsyncsAndAllBecomeReadableInOrder()
    {
        using var spool = Open();

        var ends = await Task.WhenAll(Enumerable.Range(0, 400).Select(i => Task.Run(() => Append(spool, i))));

        spool.Syncs.Should().BeLessThan(400, "concurrent appends are committed in groups, one fsync each");
        spool.DurableEnd.Should().Be(ends.Max());
        using var reader = spool.OpenReader();
        var ids = ReadAll(reader, spool.DurableEnd).Select(e => e.Batches[0].Id).ToList();
        ids.Should().HaveCount(400).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task Open_TornLastRecord_TruncatesItAndKeepsTheRecordsBefore()
    {
        long end;
        using (var spool = Open())
        {
            await Append(spool, 1);
            await Append(spool, 2);
            end = await Append(spool, 3);
        }

        var segment = Directory.GetFiles(_directory, "*.seg").Single();
        // A crash mid-append: a header announcing 500 bytes followed by only some of them.
        var torn = new byte[108];
        BinaryPrimitives.WriteUInt32LittleEndian(torn, 500);
        await File.AppendAllBytesAsync(segment, torn);

        using var reopened = Open();

        new FileInfo(segment).Length.Should().Be(end);
        reopened.DurableEnd.Should().Be(end);
        await Append(reopened, 4);
        using var reader = reopened.OpenReader();
        ReadAll(reader, reopened.DurableEnd).Select(e => e.Batches[0].Id).Should().Equal("m-1", "m-2", "m-3", "m-4");
    }

    [Fact]
    public async Task Open_RecordWithBadCrc_TruncatesFromThatRecord()
    {
        long second;
        using (var spool = Open())
        {
            await Append(spool, 1);
            second = await Append(spool, 2);
            await Append(spool, 3);
        }

        var segment = Directory.GetFiles(_directory, "*.seg").Single();
        var bytes = await File.ReadAllBytesAsync(segment);
        bytes[second + SpoolRecord.HeaderBytes + 20] ^= 0xFF;
        await File.WriteAllBytesAsync(segment, bytes);

        using var reopened = Open();

        using var reader = reopened.OpenReader();
        ReadAll(reader, reopened.DurableEnd).Select(e => e.Batches[0].Id).Should().Equal("m-1", "m-2");
    }

    [Fact]
    public async Task Open_AfterSavedCheckpoint_ReplaysOnlyTheUndeliveredRecords()
    {
        using (var spool = Open())
        {
            await Append(spool, 1);
            var delivered = await Append(spool, 2);
            await Append(spool, 3);
            await Append(spool, 4);
            spool.MarkDelivered(delivered);
            spool.SaveCheckpoint();
        }

        using var reopened = Open();

        using var reader = reopened.OpenReader();
        ReadAll(reader, reopened.DurableEnd).Select(e => e.Batches[0].Id).Should().Equal("m-3", "m-4");
    }

    [Fact]
    public async Task SaveCheckpoint_PastWholeSegments_DeletesThemAndKeepsTheRest()
    {
        using var spool = Open(segmentBytes: 4096);
        var ends = new List<long>();
        for (var i = 0; i < 20; i++)
        {
            ends.Add(await Append(spool, i, lineBytes: 900));
        }

        var before = Directory.GetFiles(_directory, "*.seg").Length;
        spool.MarkDelivered(ends[14]);
        spool.SaveCheckpoint();

        before.Should().BeGreaterThan(4);
        Directory.GetFiles(_directory, "*.seg").Length.Should().BeLessThan(before).And.BeGreaterThan(0);
        using var reader = spool.OpenReader();
        ReadAll(reader, spool.DurableEnd).Select(e => e.Batches[0].Id).Should().Equal(Enumerable.Range(15, 5).Select(i => $"m-{i}"));
    }

    [Fact]
    public async Task OpenReader_AcrossSegmentRolls_ReadsEveryRecordWithItsBatches()
    {
        using var spool = Open(segmentBytes: 4096);
        for (var i = 0; i < 12; i++)
        {
            await Append(spool, i, lineBytes: 1500);
        }

        using var reader = spool.OpenReader();
        var entries = ReadAll(reader, spool.DurableEnd);

        entries.Should().HaveCount(12);
        entries[5].Batches.Should().ContainSingle().Which.Should().Match<EquipmentLines>(b => b.Kind == EquipmentKind.Truck && b.Points == 3 && b.Lines.Length == 1500);
        Directory.GetFiles(_directory, "*.seg").Length.Should().BeGreaterThan(3);
    }

    [Fact]
    public async Task TryAppend_SpoolFull_RefusesUntilDeliveryFreesSpace()
    {
        using var spool = Open(maxBytes: 4000);
        long end = 0;
        var accepted = 0;
        while (Append(spool, accepted, lineBytes: 900, allowFull: true) is { } append)
        {
            end = await append;
            accepted++;
        }

        accepted.Should().BeInRange(2, 4);
        spool.PendingBytes.Should().BeLessThanOrEqualTo(4000);
        spool.MarkDelivered(end);
        Append(spool, 99, lineBytes: 900, allowFull: true).Should().NotBeNull();
    }

    [Fact]
    public async Task WaitDeliveredAsync_RecordNotYetDelivered_CompletesWhenTheDelivererPassesIt()
    {
        using var spool = Open();
        var first = await Append(spool, 1);
        var second = await Append(spool, 2);

        var waiting = spool.WaitDeliveredAsync(second, CancellationToken.None);
        spool.MarkDelivered(first);
        await Task.Delay(50);
        var earlyDone = waiting.IsCompleted;
        spool.MarkDelivered(second);

        earlyDone.Should().BeFalse();
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task TryAppend_DirectoryRemoved_FailsAndReportsNotWritable()
    {
        using var spool = Open();
        await Append(spool, 1);

        Directory.Delete(_directory, recursive: true);
        var append = () => Append(spool, 2);

        await append.Should().ThrowAsync<IOException>();
        spool.IsWritable.Should().BeFalse();
        spool.Status().Error.Should().Contain("gone");
    }

    [Fact]
    public async Task OpenReader_SomeRecordsKeptInMemory_ReadsTheSameSequenceAsFromDisk()
    {
        using var spool = Open(segmentBytes: 4096);
        var appended = new List<EquipmentLines[]>();
        for (var i = 0; i < 12; i++)
        {
            // Every third record without its batches, as if the in-memory budget had been exhausted: read from disk.
            var lines = Encoding.ASCII.GetBytes(new string((char)('a' + i), 700));
            EquipmentLines[] batches = [new EquipmentLines(EquipmentKind.Tbm, $"m-{i}", lines, 2)];
            appended.Add(batches);
            var (buffer, length) = SpoolRecord.Encode(batches, 1_700_000_000_000 + i);
            await spool.TryAppend(buffer, length, i % 3 == 0 ? null : batches, 1_700_000_000_000 + i, 2)!;
        }

        using var reader = spool.OpenReader();
        var fromReader = ReadAll(reader, spool.DurableEnd);
        // The first reader took the in-memory records; a second one reads everything back from the segment files.
        using var diskReader = spool.OpenReader();
        var fromDisk = ReadAll(diskReader, spool.DurableEnd);

        fromReader.Select(e => e.Batches[0].Id).Should().Equal(Enumerable.Range(0, 12).Select(i => $"m-{i}"));
        fromReader.Select((e, i) => ReferenceEquals(e.Batches, appended[i])).Should().Equal(Enumerable.Range(0, 12).Select(i => i % 3 != 0), "records appended with their batches come from memory");
        fromReader.Select(e => (e.Position, e.End, e.ReceivedUnixMs, e.Points)).Should().Equal(fromDisk.Select(e => (e.Position, e.End, e.ReceivedUnixMs, e.Points)));
        fromReader.Select(e => e.Batches[0].Lines).Should().BeEquivalentTo(fromDisk.Select(e => e.Batches[0].Lines), o => o.WithStrictOrdering());
    }

    [Fact]
    public void Constructor_DirectoryHeldByAnotherSpool_Throws()
    {
        using var first = Open();

        var second = () => Open();

        second.Should().Throw<InvalidOperationException>().WithMessage("*in use*");
    }

    private WriteAheadSpool Open(long maxBytes = 1L << 30, long segmentBytes = 1L << 20) =>
        new(_directory, maxBytes, segmentBytes, NullLogger.Instance);

    private static Task<long> Append(WriteAheadSpool spool, int i, int lineBytes = 40) =>
        Append(spool, i, lineBytes, allowFull: false) ?? throw new InvalidOperationException("spool full");

    private static Task<long>? Append(WriteAheadSpool spool, int i, int lineBytes, bool allowFull)
    {
        var lines = Encoding.ASCII.GetBytes(new string('x', lineBytes));
        var (buffer, length) = SpoolRecord.Encode([new EquipmentLines(EquipmentKind.Truck, $"m-{i}", lines, 3)], 1_700_000_000_000);
        var append = spool.TryAppend(buffer, length);
        return append is null && !allowFull ? throw new InvalidOperationException("spool full") : append;
    }

    private static List<SpoolEntry> ReadAll(SpoolReader reader, long end)
    {
        var entries = new List<SpoolEntry>();
        while (reader.TryRead(end) is { } entry)
        {
            entries.Add(entry);
        }

        return entries;
    }
}
