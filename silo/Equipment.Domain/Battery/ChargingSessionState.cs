namespace Equipment.Domain.Battery;

/// <summary>What the session tracker retains (persisted with the truck twin): the open session and the last closed ones.</summary>
public sealed class ChargingSessionState
{
    public OpenChargingSession? Open { get; set; }

    /// <summary>Closed sessions, oldest first, at most <see cref="ChargingSessionTracker.MaxSessions"/>.</summary>
    public List<ChargingSession> Closed { get; set; } = [];
}
