namespace CallMyWay.Voice.Domain.Cases;

/// <summary>The kind of extension an activation asks for.</summary>
public enum ExtensionType
{
    Sip,
    Teams,
}
