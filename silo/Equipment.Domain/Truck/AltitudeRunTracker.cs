using Equipment.Domain.Telemetry;

namespace Equipment.Domain.Truck;

/// <summary>
/// Splits a truck's telemetry into altitude runs. A run starts at the first sample with speed &gt; 2 km/h and ends when
/// the speed has stayed &lt; 1 km/h for 10 min; its end is the moment it stopped. Feed it the merged latest values
/// (so a line without speed keeps the last speed). Intervals longer than <see cref="MaxGapS"/> are not integrated.
/// Ascent/descent: the altitude is first smoothed by a first-order low-pass on device time (time constant
/// <see cref="AltitudeTimeConstantS"/>), then counted with a ±<see cref="HysteresisM"/> dead band; at the run's end the
/// remainder inside the band is counted too. GNSS vertical noise (σ 5–15 m, correlated over tens of seconds) is averaged
/// down to a few metres before the band sees it, so it adds almost nothing, while a climb's metres all arrive (late by
/// about τ, made up while the truck stands before the run closes). Auxiliary energy is ∫ max(0, V·I − power_kw) dt
/// when the pack's voltage and current are reported (heating, thermal management, electronics).
/// </summary>
public sealed class AltitudeRunTracker(AltitudeRunTrackerState? state = null, int maxRuns = AltitudeRunTracker.DefaultMaxRuns)
{
    /// <summary>Ten runs (≈ 210 bytes each) keep a truck twin under its 8 KB budget; older runs are only in InfluxDB.</summary>
    public const int DefaultMaxRuns = 5;
    public const double StartSpeedKmh = 2.0;
    public const double StopSpeedKmh = 1.0;
    public const double HysteresisM = 15.0;

    /// <summary>Time constant of the altitude low-pass, s.</summary>
    public const double AltitudeTimeConstantS = 120.0;
    public const double HighAltitudeM = 4000.0;
    public const double MaxGapS = 300.0;
    public static readonly TimeSpan StopDuration = TimeSpan.FromMinutes(10);

    public AltitudeRunTrackerState State { get; } = state ?? new AltitudeRunTrackerState();
    public int MaxRuns { get; } = maxRuns;

    /// <summary>Closed runs (oldest first) and the open one.</summary>
    public IReadOnlyList<AltitudeRun> Runs =>
        State.Open is { } open ? [.. State.Closed, Summarize(open, null)] : State.Closed;

    /// <summary>
    /// Applies the merged latest values at their timestamp; returns the run this closed, if any.
    /// <paramref name="altitudeDerived"/>: the altitude comes from the route profile, not from a measurement.
    /// </summary>
    public AltitudeRun? Apply(TruckSample latest, bool altitudeDerived = false)
    {
        var t = latest.Timestamp;
        var closed = Tick(t);
        var open = State.Open;
        if (open is null)
        {
            if (!(latest.SpeedKmh > StartSpeedKmh)) return closed;
            open = State.Open = new OpenRunState
            {
                RunId = ++State.LastRunId,
                Start = t,
                StartOdometerKm = latest.OdometerKm,
                ReferenceAltitudeM = latest.AltitudeM,
                FilteredAltitudeM = latest.AltitudeM,
                LastAt = t,
                LastPowerKw = latest.PowerKw,
                LastBatteryPowerKw = BatteryPowerKw(latest),
                LastAltitudeM = latest.AltitudeM,
            };
            Observe(open, latest, altitudeDerived);
            return closed;
        }

        if (t <= open.LastAt) return closed;
        var seconds = (t - open.LastAt).TotalSeconds;
        if (seconds <= MaxGapS)
        {
            if (open.LastPowerKw is { } p1 && latest.PowerKw is { } p2)
            {
                var (drawn, regen) = EnergyIntegration.Trapezoid(p1, p2, seconds / 3600.0);
                open.EnergyKwh += drawn;
                open.RegenKwh += regen;
            }

            if (open.LastAltitudeM > HighAltitudeM) open.TimeAbove4000mS += seconds;
            if (open.LastBatteryPowerKw is { } b1 && open.LastPowerKw is { } t1 && BatteryPowerKw(latest) is { } b2 && latest.PowerKw is { } t2)
                open.AuxiliaryKwh += EnergyIntegration.Trapezoid(b1 - t1, b2 - t2, seconds / 3600.0).DrawnKwh;
        }

        if (latest.AltitudeM is { } altitude)
        {
            // A profile-derived altitude has no noise to remove; low-passing it would only shave the summits.
            var alpha = altitudeDerived ? 1 : 1 - Math.Exp(-seconds / AltitudeTimeConstantS);
            var filtered = open.FilteredAltitudeM is { } f ? f + alpha * (altitude - f) : altitude;
            open.FilteredAltitudeM = filtered;
            if (open.ReferenceAltitudeM is not { } reference) open.ReferenceAltitudeM = filtered;
            else if (filtered - reference >= HysteresisM)
            {
                open.AscentM += filtered - reference;
                open.ReferenceAltitudeM = filtered;
            }
            else if (reference - filtered >= HysteresisM)
            {
                open.DescentM += reference - filtered;
                open.ReferenceAltitudeM = filtered;
            }
        }

        Observe(open, latest, altitudeDerived);
        if (latest.SpeedKmh < StopSpeedKmh) open.StoppedSince ??= t;
        else if (latest.SpeedKmh is not null) open.StoppedSince = null;
        open.LastAt = t;
        open.LastPowerKw = latest.PowerKw;
        open.LastBatteryPowerKw = BatteryPowerKw(latest);
        open.LastAltitudeM = latest.AltitudeM;
        return closed ?? Tick(t);
    }

    /// <summary>Closes the open run if the truck has been stopped for <see cref="StopDuration"/> by <paramref name="now"/>.</summary>
    public AltitudeRun? Tick(DateTimeOffset now)
    {
        if (State.Open is not { StoppedSince: { } since } open || now - since < StopDuration) return null;
        // The remainder inside the dead band is real climbing or descending once the filter has settled.
        if (open is { FilteredAltitudeM: { } f, ReferenceAltitudeM: { } r })
        {
            if (f > r) open.AscentM += f - r;
            else open.DescentM += r - f;
            open.ReferenceAltitudeM = f;
        }

        var run = Summarize(open, since);
        State.Open = null;
        State.Closed.Add(run);
        if (State.Closed.Count > MaxRuns) State.Closed.RemoveRange(0, State.Closed.Count - MaxRuns);
        return run;
    }

    private static double? BatteryPowerKw(TruckSample s) =>
        s.BatteryVoltageV is { } v && s.BatteryCurrentA is { } i ? v * i / 1000.0 : null;

    private static void Observe(OpenRunState open, TruckSample s, bool altitudeDerived)
    {
        if (s.AltitudeM is not null)
        {
            if (altitudeDerived) open.DerivedAltitudeSamples++;
            else open.MeasuredAltitudeSamples++;
        }

        if (s.OdometerKm is { } odo)
        {
            open.StartOdometerKm ??= odo;
            open.LastOdometerKm = odo;
        }

        if (s.AltitudeM is { } alt) open.MaxAltitudeM = Math.Max(open.MaxAltitudeM ?? alt, alt);
        if (s.SocPct is { } soc) open.MinSocPct = Math.Min(open.MinSocPct ?? soc, soc);
        if (s.BatteryTempC is { } bt)
        {
            open.BatteryTempMinC = Math.Min(open.BatteryTempMinC ?? bt, bt);
            open.BatteryTempMaxC = Math.Max(open.BatteryTempMaxC ?? bt, bt);
        }
    }

    public static AltitudeRun Summarize(OpenRunState open, DateTimeOffset? end)
    {
        var distance = open is { LastOdometerKm: { } last, StartOdometerKm: { } first } ? Math.Max(0, last - first) : 0;
        var net = open.EnergyKwh - open.RegenKwh + open.AuxiliaryKwh;
        return new AltitudeRun
        {
            RunId = open.RunId,
            Start = open.Start,
            End = end,
            DistanceKm = distance,
            AscentM = open.AscentM,
            DescentM = open.DescentM,
            MaxAltitudeM = open.MaxAltitudeM,
            EnergyKwh = open.EnergyKwh,
            RegenKwh = open.RegenKwh,
            KwhPer100Km = distance >= 0.1 ? net / distance * 100.0 : null,
            KwhPer1000mClimb = open.AscentM >= 1 ? net / open.AscentM * 1000.0 : null,
            MinSocPct = open.MinSocPct,
            BatteryTempMinC = open.BatteryTempMinC,
            BatteryTempMaxC = open.BatteryTempMaxC,
            TimeAbove4000mS = open.TimeAbove4000mS,
            AuxiliaryKwh = open.AuxiliaryKwh,
            AltitudeSource = (open.MeasuredAltitudeSamples, open.DerivedAltitudeSamples) switch
            {
                (0, 0) => null,
                (_, 0) => "measured",
                (0, _) => "derived",
                _ => "mixed",
            },
        };
    }
}
