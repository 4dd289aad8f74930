namespace Equipment.Dashboard.Api;

/// <summary>Optional body of an acknowledgement: who acknowledges.</summary>
public sealed record AcknowledgeRequest(string? By);
