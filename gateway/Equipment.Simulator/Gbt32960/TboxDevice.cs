namespace Equipment.Simulator.Gbt32960;

/// <summary>
/// The T-Box's reporting logic, free of sockets: fed one snapshot per sample (simulated time), it decides what
/// to send. Real-time frames every <see cref="TboxTiming.RealTimePeriod"/> (every <see cref="TboxTiming.ChargingPeriod"/>
/// while parked charging, with heartbeats between); when a level-3 alarm starts, the not yet sent samples of the
/// <see cref="TboxTiming.FaultWindow"/> before it go out as re-sent (0x03) frames and real-time frames follow every
/// second until the alarm has cleared and the window after it has passed (GB/T 32960.3 B.2.1); when the Beijing
/// day changes, a day end (logout, then login with the new day's serial).
/// </summary>
public sealed class TboxDevice(GbtEdition edition, TboxTiming timing)
{
    private readonly LinkedList<(GbtSnapshot Snapshot, bool Sent)> _recent = new();
    private DateOnly? _day;
    private DateTime? _lastRealTime;
    private DateTime? _lastMessage;
    private DateTime _lastSample;
    private bool _inFault;
    private DateTime _fastUntil = DateTime.MinValue;

    public GbtEdition Edition => edition;

    public IReadOnlyList<TboxMessage> OnSample(GbtSnapshot s)
    {
        var output = new List<TboxMessage>();
        var t = s.TimeUtc;
        var day = GbtTime.BeijingDate(t);
        if (_day is { } previous && day != previous)
        {
            output.Add(new TboxMessage(TboxMessageKind.DayEnd, _lastSample, []));

            // The new day's session opens with a real-time frame, whatever the period.
            _lastRealTime = null;
        }

        _day = day;
        _lastSample = t;

        var fault = s.AlarmLevel >= 3;
        if (fault && !_inFault)
        {
            _fastUntil = t + timing.FaultWindow;
            for (var node = _recent.First; node is not null; node = node.Next)
            {
                // The samples already sent as real-time frames are not repeated: only the gaps between them.
                if (!node.Value.Sent && node.Value.Snapshot.TimeUtc >= t - timing.FaultWindow)
                {
                    output.Add(new TboxMessage(TboxMessageKind.Resent, node.Value.Snapshot.TimeUtc, GbtEncoder.RealTime(edition, node.Value.Snapshot)));
                }
            }
        }

        _inFault = fault;
        var period = fault || t <= _fastUntil
            ? timing.FaultPeriod
            : s.ChargingState == 1 ? timing.ChargingPeriod : timing.RealTimePeriod;

        // Half a millisecond of slack: sample times come from a fixed step and may sit a tick short of the period.
        var sent = false;
        if (_lastRealTime is not { } last || t - last >= period - TimeSpan.FromMilliseconds(0.5))
        {
            output.Add(new TboxMessage(TboxMessageKind.RealTime, t, GbtEncoder.RealTime(edition, s)));
            _lastRealTime = t;
            _lastMessage = t;
            sent = true;
        }
        else if (_lastMessage is { } any && t - any >= timing.HeartbeatPeriod)
        {
            output.Add(new TboxMessage(TboxMessageKind.Heartbeat, t, []));
            _lastMessage = t;
        }

        _recent.AddLast((s, sent));
        while (_recent.First is { } first && first.Value.Snapshot.TimeUtc < t - timing.FaultWindow)
        {
            _recent.RemoveFirst();
        }

        return output;
    }
}
