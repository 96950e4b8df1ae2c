using System.Buffers.Text;
using System.Security.Cryptography;
using CallMyWay.Voice.Telephony.Sip.UserAgent.Outbound;

namespace CallMyWay.Voice.Web.Click2Call;

/// <summary>A visitor's request to be called back, and every attempt to call them: the durable truth the schedule is rebuilt from.</summary>
public sealed class Click2CallCallback
{
    private readonly List<Click2CallAttempt> _attempts = [];

    public Click2CallCallback(string id, string number, string country, string did, string? name, string? reason, DateTimeOffset createdAt)
    {
        Id = id;
        Number = number;
        Country = country;
        Did = did;
        Name = name;
        Reason = reason;
        CreatedAt = createdAt;
    }

    /// <summary>An unguessable token (128 random bits, base64url): whoever holds it may cancel the callback.</summary>
    public string Id { get; private set; }

    /// <summary>The visitor's number, E.164.</summary>
    public string Number { get; private set; }

    public string Country { get; private set; }

    /// <summary>The desk number the callback is placed from (E.164), the DID of the visitor's country.</summary>
    public string Did { get; private set; }

    public string? Name { get; private set; }

    public string? Reason { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public Click2CallStatus Status { get; private set; } = Click2CallStatus.Dialing;

    /// <summary>When the next attempt is due, while <see cref="Status"/> is <see cref="Click2CallStatus.Scheduled"/>.</summary>
    public DateTimeOffset? ScheduledFor { get; private set; }

    public IReadOnlyList<Click2CallAttempt> Attempts => _attempts;

    public bool IsPending => Status is Click2CallStatus.Dialing or Click2CallStatus.Scheduled;

    public static string NewId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    public void ScheduleAt(DateTimeOffset at)
    {
        Status = Click2CallStatus.Scheduled;
        ScheduledFor = at;
    }

    public void StartDialing()
    {
        Status = Click2CallStatus.Dialing;
        ScheduledFor = null;
    }

    public Click2CallAttempt RecordAttempt(DateTimeOffset at, OutboundCallOutcome outcome, int statusCode, string detail, string? callId)
    {
        var attempt = new Click2CallAttempt(_attempts.Count + 1, at, outcome, statusCode, detail, callId);
        _attempts.Add(attempt);
        if (outcome == OutboundCallOutcome.Answered)
        {
            Status = Click2CallStatus.Answered;
        }

        return attempt;
    }

    public void GiveUp()
    {
        Status = Click2CallStatus.Failed;
        ScheduledFor = null;
    }

    /// <summary>Cancels a scheduled callback; a callback being dialled or already over cannot be.</summary>
    public bool TryCancel()
    {
        if (Status == Click2CallStatus.Cancelled)
        {
            return true;
        }

        if (Status != Click2CallStatus.Scheduled)
        {
            return false;
        }

        Status = Click2CallStatus.Cancelled;
        ScheduledFor = null;
        return true;
    }
}
