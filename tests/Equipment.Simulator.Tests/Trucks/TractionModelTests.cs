using Equipment.Simulator.Trucks;

namespace Equipment.Simulator.Tests.Trucks;

public class TractionModelTests
{
    private static readonly VehicleParameters Truck = new();

    [Fact]
    public void PotentialEnergy_4500kgLiftedBy1000m_Is12point26KwhAtTheWheels()
    {
        // 4,500 kg · 9.81 m/s² · 1,000 m = 44.145 MJ = 12.2625 kWh.
        TractionModel.PotentialEnergyKwh(Truck, 1000).Should().BeApproximately(12.2625, 1e-9);
    }

    [Fact]
    public void WheelPower_IntegratedOverA1000mClimbWithoutLosses_EqualsPotentialEnergy()
    {
        var ideal = Truck with { RollingResistance = 0, DragAreaM2 = 0 };
        const double grade = 0.10;
        const double speed = 10;

        // 10 km of road at 10 % (rise over road length) lifts the truck 1,000 m, taking 1,000 s.
        var joules = 0.0;
        for (var t = 0; t < 1000; t++)
        {
            joules += TractionModel.WheelPowerW(ideal, speed, grade, 2000, 0) * 1.0;
        }

        (joules / 3.6e6).Should().BeApproximately(12.2625, 1e-6);
        (TractionModel.Split(ideal, joules / 1000).TractionW * 1000 / 3.6e6).Should().BeApproximately(12.2625 / 0.9, 1e-6);
    }

    [Fact]
    public void WheelPower_LevelRoadAt72KmhAtSeaLevel_IsRollingPlusAeroDrag()
    {
        // Rolling 4,500 · 9.81 · 0.012 = 529.74 N; drag 0.5 · 1.225 · 2.7 · 20² = 661.5 N; × 20 m/s.
        TractionModel.RollingForceN(Truck, 0).Should().BeApproximately(529.74, 1e-6);
        TractionModel.DragForceN(Truck, 20, 0).Should().BeApproximately(661.5, 1e-6);
        TractionModel.WheelPowerW(Truck, 20, 0, 0, 0).Should().BeApproximately(23_824.8, 1e-3);
    }

    [Fact]
    public void DragForce_At5000m_IsOnlySixtyPercentOfSeaLevel()
    {
        // 0.5 · 0.7361 · 2.7 · 20² = 397.5 N.
        TractionModel.DragForceN(Truck, 20, 5000).Should().BeApproximately(397.5, 0.3);
    }

    [Fact]
    public void Split_GentleBraking_RegeneratesSixtyPercentOfTheMotorShare()
    {
        // 20 kW braking: 15 % friction = 3 kW, motor 17 kW of which 60 % reaches the pack = 10.2 kW.
        var (traction, friction) = TractionModel.Split(Truck, -20_000);

        traction.Should().BeApproximately(-10_200, 1e-6);
        friction.Should().BeApproximately(3_000, 1e-6);
    }

    [Fact]
    public void Split_HardBraking_CapsRegenAndSendsTheRestToThePads()
    {
        // 100 kW braking: motor capped at 45 kW (27 kW to the pack), pads take 55 kW.
        var (traction, friction) = TractionModel.Split(Truck, -100_000);

        traction.Should().BeApproximately(-27_000, 1e-6);
        friction.Should().BeApproximately(55_000, 1e-6);
    }

    [Fact]
    public void Split_Driving_DrawsWheelPowerOverDrivetrainEfficiency()
    {
        TractionModel.Split(Truck, 45_000).Should().Be((50_000.0, 0.0));
    }
}
