namespace Equipment.Grains.Live;

/// <summary>
/// Last value of one field. A struct stored inline in the live state's dictionary, so a field costs no object of
/// its own: with thousands of twins of a dozen fields each, that is most of the live state's memory.
/// </summary>
internal struct FieldState
{
    public double Number;
    public long TimeNs;
    public string? Text;
    public FieldKind Kind;
}
