namespace CallMyWay.Voice.Telephony.Sip.Registrar;

/// <summary>The outcome of applying a <see cref="RegistrationChange"/>, and the extension's bindings afterwards.</summary>
/// <param name="Status">Whether the change was made.</param>
/// <param name="Bindings">The extension's live bindings after the change (unchanged when it was refused), in lookup order.</param>
/// <param name="Changed">Whether contacts were added, removed or moved (and <see cref="RegistrationBindings.BindingsChanged"/> raised); false for a refresh.</param>
internal readonly record struct BindingUpdateResult(BindingUpdateStatus Status, IReadOnlyList<ContactBinding> Bindings, bool Changed = false);
