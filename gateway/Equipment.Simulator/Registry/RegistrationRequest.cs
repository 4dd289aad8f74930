namespace Equipment.Simulator.Registry;

public sealed record RegistrationRequest(string Id, string JsonBody);
