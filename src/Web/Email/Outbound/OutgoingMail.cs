namespace CallMyWay.Voice.Web.Email.Outbound;

/// <summary>A mail to a customer, composed and ready to queue.</summary>
/// <param name="Cause">What the mail is about, e.g. <c>reply:&lt;message-id&gt;</c> or <c>case:1001:note:…</c>: the outbox keeps one mail per cause.</param>
/// <param name="AutoReply">An automatic answer to the customer's message: marked <c>Auto-Submitted: auto-replied</c> (RFC 3834 §5).</param>
public sealed record OutgoingMail(string Cause, long? CaseNumber, string ToAddress, string? ToName, string Subject, string Body, MailThread Thread, bool AutoReply);
