using Equipment.Simulator.Gbt32960;

namespace Equipment.Simulator.Tests.Gbt32960;

/// <summary>
/// The encoder pinned to bytes computed by hand from the standard's tables (not from the encoder), so a change
/// of layout, scale, offset or byte order fails here before it reaches a gateway.
/// </summary>
public class GbtEncoderTests
{
    private const string Vin = "LSM12345678901234";

    // 2026-12-02 04:05:06 UTC = 12:05:06 Beijing time.
    private static readonly DateTime Noon = new(2026, 12, 2, 4, 5, 6, DateTimeKind.Utc);

    private static readonly GbtSnapshot Snapshot = new()
    {
        TimeUtc = Noon,
        VehicleState = 1,
        ChargingState = 3,
        SpeedKmh = 54.3,
        OdometerKm = 12345.6,
        TotalVoltageV = 365.2,
        TotalCurrentA = -12.5,
        SocPct = 57.6,
        Gear = 0x2E,
        InsulationKohm = 2500,
        AcceleratorPct = 23.4,
        BrakePct = 0,
        MotorState = 1,
        MotorControllerTempC = 45.4,
        MotorRpm = 3000,
        MotorTorqueNm = 150.5,
        MotorTempC = 60,
        MotorControllerVoltageV = 365.2,
        MotorControllerCurrentA = -12.5,
        Latitude = 30.66,
        Longitude = 104.06,
        CellVoltagesV = [3.801, 3.795, 3.812],
        ProbeTempsC = [25, 27, 24],
        AlarmLevel = 3,
        AlarmFlags = 1u << 11,
        BatteryFaultCodes = [0x0100000B],
    };

    [Fact]
    public void Build_Heartbeat_MatchesHandComputedBytes()
    {
        // ## 07 FE VIN 01 0000 BCC. BCC = 07^FE^01^00^00 = F8, XOR of the VIN's ASCII = 57, F8^57 = AF.
        var frame = GbtFrame.Build(GbtEdition.V2016, GbtCommand.Heartbeat, GbtCommand.IsCommand, Vin, []);

        Convert.ToHexString(frame).Should().Be("2323" + "07" + "FE" + Convert.ToHexString("LSM12345678901234"u8) + "01" + "0000" + "AF");
    }

    [Fact]
    public void Build_2025Edition_StartsWithDollars()
    {
        var frame = GbtFrame.Build(GbtEdition.V2025, GbtCommand.Heartbeat, GbtCommand.IsCommand, Vin, []);

        frame[..2].Should().Equal((byte)'$', (byte)'$');
        frame[^1].Should().Be(0xAF, "the start bytes are outside the BCC");
    }

    [Fact]
    public void Logout_AfterBeijingMidnight_CarriesTheNextDayAndTheLoginSerial()
    {
        // 16:30:05 UTC on 2 December is 00:30:05 on 3 December in Beijing: 1A 0C 03 00 1E 05, serial 3 = 00 03.
        var data = GbtEncoder.Logout(new DateTime(2026, 12, 2, 16, 30, 5, DateTimeKind.Utc), 3);
        var frame = GbtFrame.Build(GbtEdition.V2016, GbtCommand.Logout, GbtCommand.IsCommand, Vin, data);

        // BCC: 04^FE^01^00^08 = F3, ^57 (VIN) = A4, ^(1A^0C^03^00^1E^05^00^03 = 0D) = A9.
        Convert.ToHexString(data).Should().Be("1A0C03001E050003");
        Convert.ToHexString(frame[21..24]).Should().Be("010008");
        frame[^1].Should().Be(0xA9);
    }

    [Fact]
    public void Login_2016_HasSerialIccidAndSubsystemCodes()
    {
        var data = GbtEncoder.Login(GbtEdition.V2016, Noon, 1, "89860012345678901234", ["PACK"]);

        // time | serial 0001 | ICCID (20 ASCII) | 1 subsystem | code length 4 | "PACK"
        Convert.ToHexString(data).Should().Be(
            "1A0C020C0506" + "0001" + Convert.ToHexString("89860012345678901234"u8) + "01" + "04" + Convert.ToHexString("PACK"u8));
    }

    [Fact]
    public void Login_2025_ListsPackCountPerBmsAnd24CharacterCodes()
    {
        var code = "0SMPE3ABCDEFGHJKLMNPRSTU";
        var data = GbtEncoder.Login(GbtEdition.V2025, Noon, 2, "89860012345678901234", [code]);

        // time | serial 0002 | ICCID | 1 BMS | 1 pack in it | 24-character code
        Convert.ToHexString(data).Should().Be(
            "1A0C020C0506" + "0002" + Convert.ToHexString("89860012345678901234"u8) + "01" + "01" + Convert.ToHexString(System.Text.Encoding.ASCII.GetBytes(code)));
    }

    [Fact]
    public void RealTime_2016_MatchesTheTablesByteForByte()
    {
        var expected = string.Concat(
            "1A0C020C0506",                   // 12:05:06 Beijing
            "01",                             // 0x01 vehicle (table B.4)
            "01", "03", "01",                 // on, not charging, EV
            "021F",                           // 54.3 km/h × 10 = 543
            "0001E240",                       // 12345.6 km × 10 = 123456
            "0E44",                           // 365.2 V × 10 = 3652
            "2693",                           // (−12.5 A + 1000) × 10 = 9875
            "3A",                             // SOC 57.6 % → 58
            "01", "2E",                       // DC-DC on; gear D with driving force
            "09C4",                           // 2500 kΩ
            "17", "00",                       // accelerator 23 %, brake 0
            "02", "01",                       // 0x02 drive motors, one
            "01", "01", "55",                 // motor 1, consuming, controller 45.4 + 40 → 85
            "59D8",                           // 3000 + 20000 r/min
            "5401",                           // 150.5 N·m × 10 + 20000 = 21505
            "64",                             // motor 60 + 40 = 100
            "0E44", "2693",                   // controller input 365.2 V, bus −12.5 A
            "05", "00",                       // 0x05 position, valid, north, east
            "0633D460",                       // 104.06° × 10⁶
            "01D3D5A0",                       // 30.66° × 10⁶
            "06",                             // 0x06 extremes
            "01", "03", "0EE4",               // highest cell: subsystem 1, cell 3, 3.812 V
            "01", "02", "0ED3",               // lowest cell: subsystem 1, cell 2, 3.795 V
            "01", "02", "43",                 // hottest probe 2, 27 + 40 = 67
            "01", "03", "40",                 // coldest probe 3, 24 + 40 = 64
            "07", "03", "00000800",           // 0x07 alarms: level 3, flag bit 11 (insulation)
            "01", "0100000B",                 // one battery fault code
            "00", "00", "00",                 // no motor, engine, other faults
            "08", "01",                       // 0x08 cell voltages, one subsystem
            "01", "0E44", "2693",             // subsystem 1, 365.2 V, −12.5 A
            "0003", "0001", "03",             // 3 cells, first cell 1, 3 in this frame
            "0ED9", "0ED3", "0EE4",           // 3.801, 3.795, 3.812 V in mV
            "09", "01",                       // 0x09 probe temperatures, one subsystem
            "01", "0003", "41", "43", "40");  // subsystem 1, 3 probes: 25, 27, 24 °C

        Convert.ToHexString(GbtEncoder.RealTime(GbtEdition.V2016, Snapshot)).Should().Be(expected);
    }

    [Fact]
    public void RealTime_2025_UsesTheRenumberedTypesAndWiderOffsets()
    {
        var expected = string.Concat(
            "1A0C020C0506",
            "01", "01", "03", "01", "021F", "0001E240", "0E44",
            "74B3",                           // (−12.5 A + 3000) × 10 = 29875 (table 10, 2025)
            "3A", "01", "2E", "09C4",         // no pedal bytes in 2025
            "02", "01", "01", "01", "55",
            "88B8",                           // 3000 + 32000 = 35000 r/min
            "00031321",                       // (150.5 + 20000) × 10 = 201505, a DWORD
            "64",                             // no controller voltage/current in 2025
            "05", "00", "01",                 // position, coordinate system WGS84
            "0633D460", "01D3D5A0",
            "06", "03", "00000800",           // 0x06 alarms (no extremes type in 2025)
            "01", "0100000B", "00", "00", "00",
            "01", "0B", "03",                 // general alarm list: flag 11 at level 3
            "07", "01",                       // 0x07 cell voltages, one pack
            "01", "0E44", "74B3", "0003",     // pack 1, 365.2 V, −12.5 A, 3 cells
            "0ED9", "0ED3", "0EE4",
            "08", "01", "01", "0003", "41", "43", "40");

        Convert.ToHexString(GbtEncoder.RealTime(GbtEdition.V2025, Snapshot)).Should().Be(expected);
    }

    [Fact]
    public void RealTime_MissingValues_AreSentAsInvalid()
    {
        var data = GbtEncoder.RealTime(GbtEdition.V2016, Snapshot with { SpeedKmh = null, OdometerKm = null, SocPct = double.NaN });

        Convert.ToHexString(data[10..16]).Should().Be("FFFFFFFFFFFF", "speed WORD and odometer DWORD invalid");
        data[20].Should().Be(0xFF, "SOC invalid");
    }

    [Fact]
    public void RealTime_OutOfRangeValues_AreClampedToTheFieldRange()
    {
        var data = GbtEncoder.RealTime(GbtEdition.V2016, Snapshot with { SpeedKmh = 300, TotalCurrentA = -1500 });

        Convert.ToHexString(data[10..12]).Should().Be("0898", "2016 speed tops out at 220 km/h");
        Convert.ToHexString(data[18..20]).Should().Be("0000", "−1000 A is the lowest current");
    }

    [Fact]
    public void TryRead_FramesSplitGarbledAndBackToBack_AreAllFound()
    {
        var a = GbtFrame.Build(GbtEdition.V2016, GbtCommand.Heartbeat, GbtCommand.IsCommand, Vin, []);
        var b = GbtFrame.Build(GbtEdition.V2016, GbtCommand.Logout, GbtCommand.AckSuccess, Vin, GbtEncoder.Logout(Noon, 7));
        var bad = (byte[])a.Clone();
        bad[^1] ^= 0x55;
        byte[] stream = [0x00, 0x23, 0x41, .. a, .. bad, .. b];

        var found = new List<GbtFrame>();
        var badFrames = 0;
        var offset = 0;
        while (true)
        {
            var frame = GbtFrame.TryRead(stream.AsSpan(offset), out var consumed, out var badBcc);
            badFrames += badBcc ? 1 : 0;
            offset += consumed;
            if (frame is not null)
            {
                found.Add(frame);
            }
            else if (!badBcc)
            {
                break;
            }
        }

        found.Select(f => f.Command).Should().Equal(GbtCommand.Heartbeat, GbtCommand.Logout);
        found[1].Ack.Should().Be(GbtCommand.AckSuccess);
        GbtTime.FromBeijing(found[1].Data).Should().Be(Noon);
        badFrames.Should().Be(1);
        offset.Should().Be(stream.Length);
    }

    [Fact]
    public void TryRead_HalfAFrame_AsksForMore()
    {
        var a = GbtFrame.Build(GbtEdition.V2016, GbtCommand.Heartbeat, GbtCommand.IsCommand, Vin, []);

        GbtFrame.TryRead(a.AsSpan(0, 20), out var consumed, out var badBcc).Should().BeNull();
        consumed.Should().Be(0);
        badBcc.Should().BeFalse();
    }
}
