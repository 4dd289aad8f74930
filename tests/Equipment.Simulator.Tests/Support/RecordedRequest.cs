namespace Equipment.Simulator.Tests.Support;

public sealed record RecordedRequest(string Method, string Path, string Query, string? Authorization, string? ContentType, string Body);
