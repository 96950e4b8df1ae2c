namespace CallMyWay.Voice.Web.Email.Outbound;

/// <summary>How <see cref="SmtpRelay"/> tells the outbox what became of each message, as soon as it is known.</summary>
public interface IRelayReport
{
    Task SentAsync(OutboxEmail email, CancellationToken cancellationToken);

    Task RetryAsync(OutboxEmail email, string error, CancellationToken cancellationToken);

    Task UndeliverableAsync(OutboxEmail email, string error, CancellationToken cancellationToken);

    /// <summary>The message was not tried at all (the connection broke before its turn).</summary>
    Task ReleaseAsync(OutboxEmail email, CancellationToken cancellationToken);
}
