using System.Buffers;
using Equipment.Fuzz.Tests.Support;
using Equipment.Gbt32960.Data;
using Equipment.Gbt32960.Framing;

namespace Equipment.Fuzz.Tests.Gbt32960;

/// <summary>Seeded random and mutated byte streams through the frame reader and the data-unit decoders.</summary>
public sealed class FrameParserFuzzTests
{
    private const int Seed = 32960;

    [Fact]
    public void TryRead_MutatedStreams_NeverThrowsAlwaysProgressesAndOnlyChecksumValidFramesPass()
    {
        var random = new Random(Seed);
        for (var i = 0; i < 3000; i++)
        {
            var stream = Stream(random);
            var describe = $"seed {Seed} case {i}: {Convert.ToHexString(stream.AsSpan(0, Math.Min(stream.Length, 64)))}…";
            Budget.Run(
                () =>
                {
                    var buffer = new ReadOnlySequence<byte>(stream);
                    while (true)
                    {
                        var before = buffer.Length;
                        var result = FrameReader.TryRead(ref buffer, random.Next(2) == 0 ? FrameLayout.MaxDataBytes : 300);
                        if (result.Status == ReadStatus.NeedMore)
                        {
                            buffer.Length.Should().Be(before, describe);
                            break;
                        }

                        buffer.Length.Should().BeLessThan(before, describe);
                        if (result.Status == ReadStatus.Frame)
                        {
                            var f = result.Frame!;
                            var rebuilt = FrameWriter.Write(f.Edition, f.Command, f.Ack, f.Vin, f.Encryption, f.Data);
                            rebuilt[^1].Should().Be(Bcc.Compute(rebuilt.AsSpan(2, rebuilt.Length - 3)), describe);
                            foreach (var edition in new[] { Edition.V2016, Edition.V2025 })
                            {
                                DataDecoder.Realtime(edition, f.Data);
                                DataDecoder.VehicleLogin(edition, f.Data);
                            }

                            DataDecoder.Logout(f.Data);
                            DataDecoder.PlatformLogin(f.Data);
                        }
                    }

                    return 0;
                },
                describe);
        }
    }

    [Fact]
    public void TryRead_GoodFrameAfterGarbage_IsFoundOnceFalseStartsAreResolved()
    {
        var random = new Random(Seed + 1);
        var good = FrameWriter.Write(Edition.V2016, Command.Heartbeat, AckFlag.Command, "LFUZZ000000000001", Encryption.None, []);
        for (var i = 0; i < 2000; i++)
        {
            var garbage = new byte[random.Next(0, 200)];
            random.NextBytes(garbage);
            // Whatever length a false start in the garbage claims is covered by the zeros after the frame.
            byte[] stream = [.. garbage, .. good, .. new byte[FrameLayout.MaxDataBytes + 32]];
            var buffer = new ReadOnlySequence<byte>(stream);
            var found = false;
            while (!found)
            {
                var result = FrameReader.TryRead(ref buffer);
                result.Status.Should().NotBe(ReadStatus.NeedMore, $"seed {Seed + 1} case {i}: the good frame was never found");
                found = result.Status == ReadStatus.Frame && result.Frame!.Vin == "LFUZZ000000000001";
            }
        }
    }

    [Fact]
    public void Realtime_RandomAndLyingDataUnits_ReturnAnErrorOrAValueNeverThrow()
    {
        var random = new Random(Seed + 2);
        for (var i = 0; i < 20000; i++)
        {
            var data = DataUnit(random);
            var edition = random.Next(2) == 0 ? Edition.V2016 : Edition.V2025;
            var describe = $"seed {Seed + 2} case {i} ({edition}): {Convert.ToHexString(data)}";
            var result = Budget.Run(() => DataDecoder.Realtime(edition, data), describe);
            (result.Value is null).Should().Be(result.Error is not null, describe);
            if (result.Value is { } v)
            {
                v.Cells.All(c => c.CellsV.Count <= 65535 && c.FirstCell >= 1).Should().BeTrue(describe);
                v.Vehicle?.SocPct.Should().BeLessThan(254, describe);
            }
        }
    }

    /// <summary>A stream of frames, some mutated (bit flips, cut short, lengths changed), with garbage between.</summary>
    internal static byte[] Stream(Random random)
    {
        var parts = new List<byte>();
        for (var n = random.Next(1, 6); n > 0; n--)
        {
            var frame = FrameWriter.Write(random.Next(2) == 0 ? Edition.V2016 : Edition.V2025, (byte)random.Next(1, 9), AckFlag.Command, "LFUZZ000000000001", Encryption.None, DataUnit(random));
            switch (random.Next(6))
            {
                case 0:
                    frame[random.Next(2, frame.Length)] ^= (byte)random.Next(1, 256);
                    break;
                case 1:
                    frame = frame[..random.Next(1, frame.Length)];
                    break;
                case 2:
                    frame[22] = (byte)random.Next(256);
                    frame[23] = (byte)random.Next(256);
                    break;
                case 3:
                    var junk = new byte[random.Next(1, 40)];
                    random.NextBytes(junk);
                    parts.AddRange(junk);
                    break;
            }

            parts.AddRange(frame);
        }

        return [.. parts];
    }

    /// <summary>A plausible real-time data unit (valid time, known info types) with counts that may lie, or random bytes.</summary>
    internal static byte[] DataUnit(Random random)
    {
        if (random.Next(5) == 0)
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            return bytes;
        }

        var w = new DataUnitWriter().Byte(random.Next(0, 30)).Byte(random.Next(1, 13)).Byte(random.Next(1, 29)).Byte(random.Next(24)).Byte(random.Next(60)).Byte(random.Next(60));
        for (var n = random.Next(0, 5); n > 0; n--)
        {
            var type = random.Next(12) switch
            {
                < 9 and var t => t + 1,
                9 => 0x80,
                10 => 0x30,
                _ => random.Next(256),
            };
            w.Byte(type);
            var body = new byte[random.Next(0, 60)];
            random.NextBytes(body);
            if (body.Length > 0 && random.Next(2) == 0)
            {
                body[0] = (byte)random.Next(0, 4); // a small count, so lists sometimes fit
            }

            w.Bytes(body);
        }

        return w.ToArray();
    }
}
