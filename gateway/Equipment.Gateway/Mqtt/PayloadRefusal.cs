namespace Equipment.Gateway.Mqtt;

/// <summary>Why a message was refused: a short reason code (counted in <c>/stats</c>) and a message for the log.</summary>
public sealed record PayloadRefusal(string Reason, string Message);
