namespace Equipment.Simulator.Gbt32960;

/// <summary>What the T-Box wants to send; the client frames it (command, serial) when it goes out.</summary>
public sealed record TboxMessage(TboxMessageKind Kind, DateTime TimeUtc, byte[] Data);
