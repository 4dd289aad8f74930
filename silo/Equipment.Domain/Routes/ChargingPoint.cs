namespace Equipment.Domain.Routes;

/// <summary>A public charging point on a route: route km, town, rated power of its fastest DC charger, operator and source.</summary>
public sealed record ChargingPoint(double Km, string Name, double PowerKw, string Operator = "", string Source = "");
