namespace Equipment.Domain.Battery;

/// <summary>What the session tracker retains (persisted with the truck twin): the open session and the last closed ones.</summary>
public sealed class ChargingSessionState
{
    public OpenChargingSession? Open { get; set; }

    /// <summary>Closed sessions, oldest first, at most <see cref="ChargingSessionTracker.MaxSessions"/>.</summary>
    public List<ChargingSession> Closed { get; set; } = [];

    /// <summary>The last qualifying sessions' figures (at most <see cref="BatteryHealthEstimator.MaxSessionsUsed"/>), kept apart from the short log.</summary>
    public List<SohSample> Qualified { get; set; } = [];

    /// <summary>Sessions closed since the twin was created.</summary>
    public long SessionsSeen { get; set; }
}
