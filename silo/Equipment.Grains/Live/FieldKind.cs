namespace Equipment.Grains.Live;

internal enum FieldKind : byte
{
    None,
    Number,
    True,
    False,
    Text,
}
