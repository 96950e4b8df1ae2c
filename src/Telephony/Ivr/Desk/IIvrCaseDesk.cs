namespace CallMyWay.Voice.Telephony.Ivr.Desk;

/// <summary>The desk as the IVR sees it: opens cases and reads their state. <see cref="CaseServiceIvrDesk"/> is the implementation.</summary>
public interface IIvrCaseDesk
{
    /// <summary>
    /// Opens an incident: saved with a number, or accepted into the durable outbox when the database is down. Throws
    /// only when neither could take the case.
    /// </summary>
    Task<IvrCaseReceipt> OpenIncidentAsync(IncidentReport report, CancellationToken cancellationToken);

    /// <inheritdoc cref="OpenIncidentAsync"/>
    Task<IvrCaseReceipt> OpenActivationAsync(ActivationRequest request, CancellationToken cancellationToken);

    /// <inheritdoc cref="OpenIncidentAsync"/>
    Task<IvrCaseReceipt> OpenCallbackAsync(CallbackRequest request, CancellationToken cancellationToken);

    /// <summary>The case's state, severity and level; null when there is no such case.</summary>
    /// <exception cref="IvrDeskUnavailableException">The cases cannot be read now.</exception>
    Task<CaseStatusReading?> GetStatusAsync(long number, CancellationToken cancellationToken);
}
