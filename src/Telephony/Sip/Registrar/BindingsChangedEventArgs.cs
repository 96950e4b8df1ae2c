namespace CallMyWay.Voice.Telephony.Sip.Registrar;

/// <summary>The contacts of an extension changed: a phone registered, unregistered, expired or moved.</summary>
/// <param name="extension">The extension.</param>
/// <param name="bindings">Its bindings now, as <see cref="RegistrationBindings.Lookup"/> orders them; empty when no phone is registered.</param>
public sealed class BindingsChangedEventArgs(string extension, IReadOnlyList<ContactBinding> bindings) : EventArgs
{
    /// <summary>The extension whose bindings changed.</summary>
    public string Extension { get; } = extension;

    /// <summary>Its bindings after the change.</summary>
    public IReadOnlyList<ContactBinding> Bindings { get; } = bindings;
}
