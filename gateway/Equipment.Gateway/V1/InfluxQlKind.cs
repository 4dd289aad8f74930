namespace Equipment.Gateway.V1;

public enum InfluxQlKind
{
    ShowDatabases,
    CreateDatabase,
    ShowMeasurements,
    ShowRetentionPolicies,
    Other,
}
