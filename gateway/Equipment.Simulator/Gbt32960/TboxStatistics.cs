using System.Globalization;

namespace Equipment.Simulator.Gbt32960;

/// <summary>Counters of all T-Boxes of a run; updated from their connection tasks.</summary>
public sealed class TboxStatistics
{
    private long _logins;
    private long _loginFailures;
    private long _realTime;
    private long _resent;
    private long _heartbeats;
    private long _logouts;
    private long _errorReplies;
    private long _dropped;
    private long _connectionsLost;

    public long Logins => Interlocked.Read(ref _logins);
    public long LoginFailures => Interlocked.Read(ref _loginFailures);
    public long RealTimeFrames => Interlocked.Read(ref _realTime);
    public long ResentFrames => Interlocked.Read(ref _resent);
    public long Heartbeats => Interlocked.Read(ref _heartbeats);
    public long Logouts => Interlocked.Read(ref _logouts);
    public long ErrorReplies => Interlocked.Read(ref _errorReplies);
    public long Dropped => Interlocked.Read(ref _dropped);
    public long ConnectionsLost => Interlocked.Read(ref _connectionsLost);

    public void RecordLogin() => Interlocked.Increment(ref _logins);
    public void RecordLoginFailure() => Interlocked.Increment(ref _loginFailures);
    public void RecordRealTime() => Interlocked.Increment(ref _realTime);
    public void RecordResent() => Interlocked.Increment(ref _resent);
    public void RecordHeartbeat() => Interlocked.Increment(ref _heartbeats);
    public void RecordLogout() => Interlocked.Increment(ref _logouts);
    public void RecordErrorReply() => Interlocked.Increment(ref _errorReplies);
    public void RecordDropped() => Interlocked.Increment(ref _dropped);
    public void RecordConnectionLost() => Interlocked.Increment(ref _connectionsLost);

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"gbt32960: {Logins:N0} logins ({LoginFailures:N0} failed), {RealTimeFrames:N0} real-time and {ResentFrames:N0} re-sent frames, " +
        $"{Heartbeats:N0} heartbeats, {Logouts:N0} logouts, {ErrorReplies:N0} error replies, {ConnectionsLost:N0} connections lost, {Dropped:N0} frames dropped");
}
