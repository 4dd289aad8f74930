using Equipment.Domain.Telemetry;

namespace Equipment.Domain.Battery;

/// <summary>
/// Finds charging sessions in a truck's samples (device time, in order) and integrates each one.
/// A sample is charging when GB/T 32960's charging state is 1 (parked) or 2 (while driving); without that field, when the
/// pack current is at most −<see cref="ChargeCurrentA"/> while standing. A session opens at the first charging sample
/// and closes once samples have come for <see cref="EndAfterS"/> without charging (so one noisy sample or a charger
/// pause does not split it) or nothing arrived for <see cref="SilenceCloseS"/>; it ends at its last charging sample.
/// Charge (∫ −I dt) and energy (∫ −V·I dt) are trapezoids between samples no more than <see cref="MaxIntegrationGapS"/>
/// apart; longer intervals are counted in <see cref="ChargingSession.GapS"/> and not integrated.
/// </summary>
public sealed class ChargingSessionTracker(SohConditions conditions, ChargingSessionState? state = null)
{
    public const double ChargeCurrentA = 2.0;
    public const double EndAfterS = 120;
    public const double MaxIntegrationGapS = 120;
    public const double SilenceCloseS = 1800;

    /// <summary>Sessions shorter than this or that took in no charge are noise, not sessions.</summary>
    public const double MinSessionS = 60;

    /// <summary>
    /// Five sessions (≈ 350 bytes each) keep a truck twin near its 8 KB budget; every session is also a
    /// <c>truck_charge</c> point in InfluxDB, and the SOH estimate keeps its own 10 (<see cref="ChargingSessionState.Qualified"/>).
    /// </summary>
    public const int MaxSessions = 5;

    public ChargingSessionState State { get; } = state ?? new ChargingSessionState();
    public SohConditions Conditions { get; } = conditions;

    /// <summary>Closed sessions (oldest first) and the open one, summarised as if it closed now.</summary>
    public IReadOnlyList<ChargingSession> Sessions =>
        State.Open is { } open ? [.. State.Closed, Summarize(open)] : State.Closed;

    public static bool IsCharging(TruckSample s) =>
        s.Charging is { } code ? code is 1 or 2 : s.BatteryCurrentA <= -ChargeCurrentA && !(s.SpeedKmh >= 1);

    /// <summary>Applies the merged latest values at their timestamp; returns the session this closed, if any.</summary>
    public ChargingSession? Apply(TruckSample s)
    {
        var charging = IsCharging(s);
        var closed = State.Open is { } current && (s.Timestamp - current.LastAt).TotalSeconds >= SilenceCloseS
            || (!charging && State.Open is { } last && (s.Timestamp - last.LastChargingAt).TotalSeconds >= EndAfterS)
            ? Close()
            : null;
        var open = State.Open;
        if (open is null)
        {
            if (!charging) return closed;
            State.Open = new OpenChargingSession
            {
                Start = s.Timestamp, LastChargingAt = s.Timestamp, LastAt = s.Timestamp, StartSocPct = s.SocPct,
                LastChargingSocPct = s.SocPct, LastCurrentA = s.BatteryCurrentA, LastPowerKw = ChargePowerKw(s),
                PeakPowerKw = Math.Max(0, ChargePowerKw(s) ?? 0), TempMinC = s.BatteryTempMinC ?? s.BatteryTempC, TempMaxC = s.BatteryTempC,
            };
            return closed;
        }

        if (s.Timestamp <= open.LastAt) return closed;
        var seconds = (s.Timestamp - open.LastAt).TotalSeconds;
        if (seconds <= MaxIntegrationGapS && open.LastCurrentA is { } i1 && s.BatteryCurrentA is { } i2)
        {
            open.PendingAh += -(i1 + i2) / 2 * seconds / 3600;
            if (open.LastPowerKw is { } p1 && ChargePowerKw(s) is { } p2) open.PendingKwh += (p1 + p2) / 2 * seconds / 3600;
        }
        else
        {
            open.PendingGapS += seconds;
        }

        open.LastAt = s.Timestamp;
        open.LastCurrentA = s.BatteryCurrentA;
        open.LastPowerKw = ChargePowerKw(s);
        if (charging)
        {
            open.ChargeAh += open.PendingAh;
            open.EnergyKwh += open.PendingKwh;
            open.GapS += open.PendingGapS;
            open.PendingAh = open.PendingKwh = open.PendingGapS = 0;
            open.LastChargingAt = s.Timestamp;
            open.LastChargingSocPct = s.SocPct ?? open.LastChargingSocPct;
            open.StartSocPct ??= s.SocPct;
            open.PeakPowerKw = Math.Max(open.PeakPowerKw, ChargePowerKw(s) ?? 0);
            open.TempMinC = Min(open.TempMinC, s.BatteryTempMinC ?? s.BatteryTempC);
            open.TempMaxC = Max(open.TempMaxC, s.BatteryTempC);
        }

        return closed;
    }

    /// <summary>
    /// Closes the open session when nothing came for <see cref="SilenceCloseS"/>, or when the last sample was not
    /// charging and charging stopped <see cref="EndAfterS"/> ago (device time). A silence shorter than that is a gap
    /// inside the session if charging is still on when frames come again.
    /// </summary>
    public ChargingSession? Tick(DateTimeOffset now)
    {
        if (State.Open is not { } open) return null;
        var stopped = open.LastAt > open.LastChargingAt && (now - open.LastChargingAt).TotalSeconds >= EndAfterS;
        return stopped || (now - open.LastAt).TotalSeconds >= SilenceCloseS ? Close() : null;
    }

    private ChargingSession? Close()
    {
        var open = State.Open!;
        State.Open = null;
        var session = Summarize(open);
        if (session.DurationS < MinSessionS || session.ChargeAh <= 0) return null;
        State.Closed.Add(session);
        if (State.Closed.Count > MaxSessions) State.Closed.RemoveRange(0, State.Closed.Count - MaxSessions);
        State.SessionsSeen++;
        if (session.SohPct is not null && session.EndSocPct is { } end && session.StartSocPct is { } start)
        {
            State.Qualified.Add(new SohSample(session.End, session.ChargeAh, end - start));
            if (State.Qualified.Count > BatteryHealthEstimator.MaxSessionsUsed) State.Qualified.RemoveRange(0, State.Qualified.Count - BatteryHealthEstimator.MaxSessionsUsed);
        }

        return session;
    }

    public ChargingSession Summarize(OpenChargingSession open)
    {
        var dSoc = open.LastChargingSocPct - open.StartSocPct;
        var capacity = dSoc >= 1 ? open.ChargeAh / dSoc.Value * 100 : (double?)null;
        var excluded = Conditions.Exclusion(dSoc, open.TempMinC, open.TempMaxC, open.GapS);
        return new ChargingSession
        {
            Start = open.Start,
            End = open.LastChargingAt,
            StartSocPct = open.StartSocPct,
            EndSocPct = open.LastChargingSocPct,
            EnergyKwh = Math.Round(open.EnergyKwh, 3),
            ChargeAh = Math.Round(open.ChargeAh, 2),
            PeakPowerKw = Math.Round(open.PeakPowerKw, 2),
            BatteryTempMinC = open.TempMinC,
            BatteryTempMaxC = open.TempMaxC,
            GapS = open.GapS,
            CapacityAh = capacity is { } c ? Math.Round(c, 2) : null,
            SohPct = excluded is null && capacity is { } cap ? Math.Round(cap / Conditions.RatedCapacityAh * 100, 2) : null,
            Excluded = excluded,
        };
    }

    /// <summary>Power into the pack, kW (positive while charging): −V·I, else −power_kw.</summary>
    private static double? ChargePowerKw(TruckSample s) =>
        s.BatteryVoltageV is { } v && s.BatteryCurrentA is { } i ? -v * i / 1000 : -s.PowerKw;

    private static double? Min(double? a, double? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    private static double? Max(double? a, double? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);
}
