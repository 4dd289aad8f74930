namespace Equipment.Gateway.V1;

public sealed record InfluxQlStatement(InfluxQlKind Kind, string? Database);
