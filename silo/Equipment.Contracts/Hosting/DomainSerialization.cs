using Orleans.Serialization;

namespace Equipment.Contracts.Hosting;

/// <summary>
/// The domain project stays free of Orleans, so its types carry no serializer attributes; grains pass and
/// persist them through Orleans' System.Text.Json codec instead. Hot-path messages remain Orleans-native.
/// </summary>
public static class DomainSerialization
{
    public static bool IsDomainType(Type type) => type.Namespace?.StartsWith("Equipment.Domain", StringComparison.Ordinal) == true;

    public static ISerializerBuilder AddDomainTypes(this ISerializerBuilder serializer) =>
        serializer.AddJsonSerializer(isSupported: IsDomainType);
}
