using Equipment.Gbt32960.Crypto;
using Equipment.Gbt32960.Data;
using Equipment.Gbt32960.Framing;

namespace Equipment.Tests.Gbt32960;

/// <summary>Frames a test T-Box sends, built field by field.</summary>
public static class TboxFrames
{
    private static int _serial;

    /// <summary>A fresh valid VIN (GB 16735 alphabet) per call, so tests never share a truck.</summary>
    public static string NewVin()
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ";
        var chars = new char[17];
        "LTST".CopyTo(chars);
        for (var i = 4; i < 17; i++)
        {
            chars[i] = alphabet[Random.Shared.Next(alphabet.Length)];
        }

        return new string(chars);
    }

    public static byte[] Login(Edition edition, string vin, DateTimeOffset time)
    {
        var w = new DataUnitWriter().Time(time).Word(Interlocked.Increment(ref _serial) % 65531 + 1).Text("89860012345678901234", 20);
        if (edition == Edition.V2016)
        {
            w.Byte(1).Byte(4).Text("BMS1", 4);
        }
        else
        {
            w.Byte(1).Byte(1).Text("PACK0000000000000000001", 24);
        }

        return FrameWriter.Write(edition, Command.VehicleLogin, AckFlag.Command, vin, Encryption.None, w.ToArray());
    }

    public static byte[] Empty(Edition edition, byte command, string vin) =>
        FrameWriter.Write(edition, command, AckFlag.Command, vin, Encryption.None, []);

    public static byte[] PlatformLogin(string user, string password, DateTimeOffset time) =>
        FrameWriter.Write(Edition.V2016, Command.PlatformLogin, AckFlag.Command, "PLATFORM000000001", Encryption.None,
            new DataUnitWriter().Time(time).Word(1).Text(user, 12).Text(password, 20).Byte(Encryption.None).ToArray());

    /// <summary>
    /// A 2016 real-time data unit: vehicle (speed, odometer, 600.0 V, current, SOC, insulation), position, one motor,
    /// alarms at <paramref name="alarmLevel"/> with flags, two cells and two probes.
    /// </summary>
    public static byte[] RealtimeData2016(DateTimeOffset time, double speedKmh = 50, double socPct = 80, int alarmLevel = 0, uint alarmFlags = 0) =>
        new DataUnitWriter().Time(time)
            .Byte(0x01).Byte(1).Byte(3).Byte(1).Word((int)Math.Round(speedKmh * 10)).DWord(123456).Word(6000).Word(10100).Byte((int)socPct).Byte(1).Byte(0x2E).Word(5000).Byte(20).Byte(0)
            .Byte(0x05).Byte(0).DWord(104065735).DWord(30657420)
            .Byte(0x02).Byte(1).Byte(1).Byte(1).Byte(80).Word(23000).Word(20500).Byte(90).Word(6000).Word(10100)
            .Byte(0x07).Byte(alarmLevel).DWord(alarmFlags).Byte(0).Byte(0).Byte(0).Byte(0)
            .Byte(0x08).Byte(1).Byte(1).Word(6000).Word(10100).Word(2).Word(1).Byte(2).Word(3700).Word(3720)
            .Byte(0x09).Byte(1).Byte(1).Word(2).Byte(63).Byte(65)
            .ToArray();

    public static byte[] Realtime(Edition edition, byte command, string vin, byte[] data, byte encryption = Encryption.None, byte[]? key = null) =>
        FrameWriter.Write(edition, command, AckFlag.Command, vin, encryption, encryption == Encryption.None ? data : FrameCipher.Encrypt(encryption, data, key!));
}
