using Equipment.Simulator.Gbt32960;

namespace Equipment.Simulator.Tests.Support;

public sealed record ReceivedFrame(int Connection, GbtFrame Frame, DateTime ReceivedUtc);
