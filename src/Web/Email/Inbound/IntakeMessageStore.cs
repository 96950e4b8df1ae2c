using System.Buffers;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace CallMyWay.Voice.Web.Email.Inbound;

/// <summary>
/// Hands each message the listener accepted to the intake. The sender gets 250 only once the message is saved; if
/// saving fails it gets 451 and its server tries again later (RFC 5321 §4.2.1), so nothing is lost.
/// </summary>
/// <param name="stopping">Stops the intake's work on host shutdown only, not when a client hangs up halfway.</param>
public sealed partial class IntakeMessageStore(EmailIntake intake, ILogger<IntakeMessageStore> logger, CancellationToken stopping) : IMessageStore
{
    public async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var envelopeSender = transaction.From is { User.Length: > 0 } from ? from.AsAddress() : string.Empty;
        try
        {
            await intake.ReceiveAsync(buffer.ToArray(), envelopeSender, stopping).ConfigureAwait(false);
            return SmtpResponse.Ok;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            Failed(logger, ex, envelopeSender);
            return new SmtpResponse(SmtpReplyCode.Aborted, "4.3.0 The message could not be stored now, try again later");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A message from {Sender} could not be taken in; answered 451 so that it is sent again")]
    private static partial void Failed(ILogger logger, Exception exception, string sender);
}
