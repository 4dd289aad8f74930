using Equipment.Gbt32960.Crypto;
using Equipment.Gbt32960.Data;
using Equipment.Gbt32960.Framing;

namespace Equipment.Tests.Gbt32960;

public class DataDecoderTests
{
    [Fact]
    public void Realtime_Worked2016Frame_DecodesEveryInfoType()
    {
        var data = WorkedFrames.Realtime2016[24..^1];

        var result = DataDecoder.Realtime(Edition.V2016, data);

        result.Error.Should().BeNull();
        var d = result.Value!;
        d.Time.Should().Be(WorkedFrames.SampleTime);
        d.Time.Offset.Should().Be(TimeSpan.Zero);
        var v = d.Vehicle!;
        (v.State, v.Charging, v.Mode).Should().Be(((byte?)1, (byte?)3, (byte?)1));
        v.SpeedKmh.Should().BeApproximately(50.0, 1e-9);
        v.OdometerKm.Should().BeApproximately(12345.6, 1e-9);
        v.VoltageV.Should().BeApproximately(600.0, 1e-9);
        v.CurrentA.Should().BeApproximately(10.0, 1e-9);
        v.SocPct.Should().Be(80);
        v.Gear.Should().Be(0x2E);
        v.InsulationKohm.Should().Be(5000);
        v.AcceleratorPct.Should().Be(20);
        v.BrakePct.Should().Be(0);
        d.Position.Should().Be(new PositionData(true, 30.657420, 104.065735, null));
        var m = d.Motors.Should().ContainSingle().Subject;
        m.ControllerTempC.Should().Be(40);
        m.SpeedRpm.Should().Be(3000);
        m.TorqueNm.Should().BeApproximately(50.0, 1e-9);
        m.TempC.Should().Be(50);
        m.ControllerVoltageV.Should().BeApproximately(600.0, 1e-9);
        m.ControllerCurrentA.Should().BeApproximately(10.0, 1e-9);
        d.Extremes!.MaxCellVoltageV.Should().BeApproximately(3.720, 1e-9);
        d.Extremes.MinCellVoltageV.Should().BeApproximately(3.700, 1e-9);
        (d.Extremes.MaxTempC, d.Extremes.MinTempC).Should().Be(((double?)25, (double?)23));
        d.Alarm!.Level.Should().Be(2);
        d.Alarm.Flags.Should().Be(0x802u);
        d.Alarm.OtherFaults.Should().Equal(0x1234u);
        var cells = d.Cells.Should().ContainSingle().Subject;
        (cells.Subsystem, cells.TotalCells, cells.FirstCell).Should().Be(((byte)1, 3, 1));
        cells.CellsV[0].Should().BeApproximately(3.700, 1e-9);
        cells.CellsV[1].Should().BeApproximately(3.720, 1e-9);
        cells.CellsV[2].Should().BeNull("0xFFFF means invalid, never 65.535 V");
        d.Probes.Should().ContainSingle().Which.TempsC.Should().Equal(23, 25);
        d.Raw.Should().ContainSingle().Which.Should().Match<RawInfo>(r => r.Type == 0x80 && r.Body.SequenceEqual(new byte[] { 0xAB, 0xCD }));
    }

    [Fact]
    public void Realtime_Worked2025Frame_UsesThe2025Layouts()
    {
        var data = WorkedFrames.Realtime2025[24..^1];

        var result = DataDecoder.Realtime(Edition.V2025, data);

        result.Error.Should().BeNull();
        var d = result.Value!;
        d.Vehicle!.CurrentA.Should().BeApproximately(10.0, 1e-9);
        d.Vehicle.AcceleratorPct.Should().BeNull();
        var m = d.Motors.Should().ContainSingle().Subject;
        m.SpeedRpm.Should().Be(3000);
        m.TorqueNm.Should().BeApproximately(50.0, 1e-6);
        m.ControllerVoltageV.Should().BeNull();
        d.Position!.CoordinateSystem.Should().Be(1);
        d.Position.LatitudeDeg.Should().BeApproximately(30.657420, 1e-9);
        d.Alarm!.Level.Should().Be(4);
        d.Alarm.Flags.Should().Be(1u << 23);
        d.Alarm.FlagLevels.Should().Equal(((byte)23, (byte)4));
        var cells = d.Cells.Should().ContainSingle().Subject;
        (cells.FirstCell, cells.TotalCells).Should().Be((1, 2));
        cells.CellsV.Should().HaveCount(2);
        d.Probes.Should().ContainSingle().Which.TempsC.Should().Equal(23, 25);
        d.Raw.Should().ContainSingle().Which.Type.Should().Be(0xFF);
        d.Extremes.Should().BeNull();
    }

    [Fact]
    public void Realtime_AbnormalAndInvalidMarkers_BecomeAbsent()
    {
        var data = new DataUnitWriter().Time(WorkedFrames.SampleTime)
            .Byte(0x01).Byte(0xFE).Byte(0xFF).Byte(0x01).Word(0xFFFE).DWord(0xFFFFFFFF).Word(0xFFFF).Word(0xFFFE).Byte(0xFE).Byte(0x01).Byte(0).Word(0xFFFF).Byte(0xFF).Byte(0xFE)
            .ToArray();

        var v = DataDecoder.Realtime(Edition.V2016, data).Value!.Vehicle!;

        v.State.Should().BeNull();
        v.Charging.Should().BeNull();
        v.SpeedKmh.Should().BeNull();
        v.OdometerKm.Should().BeNull();
        v.VoltageV.Should().BeNull();
        v.CurrentA.Should().BeNull();
        v.SocPct.Should().BeNull();
        v.InsulationKohm.Should().BeNull();
        v.AcceleratorPct.Should().BeNull();
        v.BrakePct.Should().BeNull();
    }

    [Fact]
    public void Realtime_CellCountLongerThanTheData_IsAnErrorNamingTheField()
    {
        var data = new DataUnitWriter().Time(WorkedFrames.SampleTime)
            .Byte(0x08).Byte(1).Byte(1).Word(6000).Word(10100).Word(180).Word(1).Byte(180).Word(3700).Word(3701)
            .ToArray();

        var result = DataDecoder.Realtime(Edition.V2016, data);

        result.Value.Should().BeNull();
        result.Error.Should().Be("subsystem 1 cell voltages (180 cells) needs 360 bytes at offset 18 of the data unit but only 4 are left");
    }

    [Fact]
    public void Realtime_MoreThan200CellsIn2016_IsRefused()
    {
        var data = new DataUnitWriter().Time(WorkedFrames.SampleTime).Byte(0x08).Byte(1).Byte(1).Word(6000).Word(10100).Word(300).Word(1).Byte(201).ToArray();

        DataDecoder.Realtime(Edition.V2016, data).Error.Should().Contain("201 cells").And.Contain("at most 200");
    }

    [Fact]
    public void Realtime_CellsBeyondTheTotal_AreRefused()
    {
        var data = new DataUnitWriter().Time(WorkedFrames.SampleTime).Byte(0x08).Byte(1).Byte(2).Word(6000).Word(10100).Word(10).Word(9).Byte(3).Word(1).Word(2).Word(3).ToArray();

        DataDecoder.Realtime(Edition.V2016, data).Error.Should().Be("subsystem 2: cells 9..11 lie outside its 10 cells");
    }

    [Fact]
    public void Realtime_SecondSliceOfALongString_KeepsItsFirstCellNumber()
    {
        var data = new DataUnitWriter().Time(WorkedFrames.SampleTime).Byte(0x08).Byte(1).Byte(1).Word(6000).Word(10100).Word(201).Word(201).Byte(1).Word(3650).ToArray();

        var cells = DataDecoder.Realtime(Edition.V2016, data).Value!.Cells.Single();

        cells.FirstCell.Should().Be(201);
        cells.CellsV.Single().Should().BeApproximately(3.650, 1e-9);
    }

    [Theory]
    [InlineData(0x0A, "2016")]
    [InlineData(0x30, "2016")]
    public void Realtime_UndefinedInfoType_IsAnError(int type, string edition)
    {
        var data = new DataUnitWriter().Time(WorkedFrames.SampleTime).Byte(type).Byte(0).ToArray();

        DataDecoder.Realtime(Edition.V2016, data).Error.Should().Be($"info type 0x{type:X2} at offset 6 is not defined for the {edition} edition and has no length to skip it");
    }

    [Fact]
    public void Realtime_ImpossibleTime_IsAnError()
    {
        DataDecoder.Realtime(Edition.V2016, [26, 2, 30, 10, 0, 0]).Error.Should().Be("sample time 1A021E0A0000 is not a valid date and time");
    }

    [Fact]
    public void VehicleLogin_2016And2025Layouts_Decode()
    {
        var login16 = new DataUnitWriter().Time(WorkedFrames.SampleTime).Word(7).Text("89860012345678901234", 20).Byte(2).Byte(3).Text("AB1", 3).Text("CD2", 3).ToArray();
        var login25 = new DataUnitWriter().Time(WorkedFrames.SampleTime).Word(8).Text("89860012345678901234", 20).Byte(1).Byte(2).Text("P1", 24).Text("P2", 24).ToArray();

        DataDecoder.VehicleLogin(Edition.V2016, login16).Value.Should().BeEquivalentTo(new VehicleLogin(WorkedFrames.SampleTime, 7, "89860012345678901234", ["AB1", "CD2"]));
        DataDecoder.VehicleLogin(Edition.V2025, login25).Value!.SubsystemCodes.Should().Equal("P1", "P2");
        DataDecoder.VehicleLogin(Edition.V2016, login16[..^1]).Error.Should().Contain("subsystem code 2");
    }

    [Fact]
    public void FrameCipher_Aes128_DecryptsWhatWasEncryptedAndRefusesAWrongKey()
    {
        var key = Convert.FromHexString("000102030405060708090A0B0C0D0E0F");
        var plain = WorkedFrames.Realtime2016[24..^1];

        var sealedData = FrameCipher.Encrypt(Encryption.Aes128, plain, key);

        sealedData.Length.Should().Be(112, "110 bytes pad to seven 16-byte blocks (PKCS#7)");
        FrameCipher.TryDecrypt(Edition.V2016, Encryption.Aes128, sealedData, key).Should().Equal(plain);
        var wrong = (byte[])key.Clone();
        wrong[0] ^= 0xFF;
        var withWrongKey = FrameCipher.TryDecrypt(Edition.V2016, Encryption.Aes128, sealedData, wrong);
        (withWrongKey is null || !withWrongKey.SequenceEqual(plain)).Should().BeTrue();
        FrameCipher.TryDecrypt(Edition.V2016, Encryption.Aes128, sealedData, null).Should().BeNull();
        FrameCipher.TryDecrypt(Edition.V2016, Encryption.Rsa, sealedData, key).Should().BeNull();
    }

    [Fact]
    public void FrameCipher_Aes128KnownAnswer_MatchesFips197()
    {
        // FIPS-197 appendix C.1: key 000102…0F, plaintext 00112233…FF → 69C4E0D86A7B0430D8CDB78070B4C55A (first block; PKCS#7 adds a second).
        var sealedData = FrameCipher.Encrypt(Encryption.Aes128, Convert.FromHexString("00112233445566778899AABBCCDDEEFF"), Convert.FromHexString("000102030405060708090A0B0C0D0E0F"));

        Convert.ToHexString(sealedData[..16]).Should().Be("69C4E0D86A7B0430D8CDB78070B4C55A");
    }

    [Fact]
    public void FrameCipher_Sm4_OnlyIn2025()
    {
        var key = Convert.FromHexString("0123456789ABCDEFFEDCBA9876543210");
        var sealedData = FrameCipher.Encrypt(Encryption.Sm4, [1, 2, 3], key);

        // GB/T 32907 example: SM4 of 0123…3210 under the same key starts 681EDF34D206965E86B3E94F536E4246.
        Convert.ToHexString(FrameCipher.Encrypt(Encryption.Sm4, key, key)[..16]).Should().Be("681EDF34D206965E86B3E94F536E4246");
        FrameCipher.TryDecrypt(Edition.V2025, Encryption.Sm4, sealedData, key).Should().Equal(1, 2, 3);
        FrameCipher.TryDecrypt(Edition.V2016, Encryption.Sm4, sealedData, key).Should().BeNull();
    }
}
