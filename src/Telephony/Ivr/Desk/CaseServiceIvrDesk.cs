using System.Globalization;
using CallMyWay.Voice.Domain.Application;
using CallMyWay.Voice.Domain.Cases;
using Microsoft.Extensions.Logging;

namespace CallMyWay.Voice.Telephony.Ivr.Desk;

/// <summary>
/// The IVR's desk on the domain's <see cref="CaseService"/>: cases are opened by actor <c>ivr</c>; when the store
/// throws (the database is unreachable) the case goes to the durable <see cref="IIvrOutbox"/> instead, so the caller
/// still ends the call with their case accepted (DESIGN.md: nothing is lost).
/// </summary>
/// <remarks><see cref="CaseService"/> is scoped in the web host: use one instance per call.</remarks>
public sealed class CaseServiceIvrDesk(CaseService cases, IIvrOutbox outbox, ILogger<CaseServiceIvrDesk> logger) : IIvrCaseDesk
{
    /// <summary>Who the case history says opened the case.</summary>
    public const string Actor = "ivr";

    public Task<IvrCaseReceipt> OpenIncidentAsync(IncidentReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        return OpenAsync(ToNewCase(report), cancellationToken);
    }

    public Task<IvrCaseReceipt> OpenActivationAsync(ActivationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return OpenAsync(ToNewCase(request), cancellationToken);
    }

    public Task<IvrCaseReceipt> OpenCallbackAsync(CallbackRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return OpenAsync(ToNewCase(request), cancellationToken);
    }

    public async Task<CaseStatusReading?> GetStatusAsync(long number, CancellationToken cancellationToken)
    {
        SupportCase? found;
        try
        {
            found = await cases.FindAsync(number, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new IvrDeskUnavailableException($"Case {number} could not be read: {ex.Message}", ex);
        }

        return found is null ? null : new CaseStatusReading(found.Number, found.Kind, found.Status, found.Severity, found.Level);
    }

    internal static NewCase ToNewCase(IncidentReport report) => Base(report.Caller, CaseKind.Incident) with
    {
        Subject = $"Incident on extension {report.Extension}, {Describe(report.Direction)} calls with {report.CounterpartNumber}",
        Details = new CaseDetails
        {
            Extension = report.Extension,
            Direction = report.Direction,
            CounterpartNumber = report.CounterpartNumber,
            OccurredAt = report.OccurredAt,
        },
        AffectedUsers = report.AffectedUsers,
        Interruption = report.Interruption,
    };

    internal static NewCase ToNewCase(ActivationRequest request) => Base(request.Caller, CaseKind.Activation) with
    {
        Subject = $"Activation of extension {request.Extension} for account {request.AccountId}",
        Details = new CaseDetails
        {
            AccountId = request.AccountId,
            Extension = request.Extension,
            DirectNumber = request.DirectNumber,
            ExtensionType = request.ExtensionType,
            InRingGroup = request.InRingGroup,

            // The case has no attachments: the recording's file is named here for the agent who writes the name down.
            Description = request.NameRecording is { } name
                ? string.Create(CultureInfo.InvariantCulture, $"Full name spoken on the call: {name.FilePath} ({name.Duration.TotalSeconds:0.0} s).")
                : null,
        },
    };

    internal static NewCase ToNewCase(CallbackRequest request)
    {
        var when = request.ScheduledFor.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
        var why = request.Reason == CallbackReason.DeskClosed ? "the desk was closed" : "no agent was free";
        return Base(request.Caller, CaseKind.Callback) with
        {
            Subject = $"Call back {request.Caller.CallerNumber} at {when}",
            Details = new CaseDetails { Description = $"Call back {request.Caller.CallerNumber} at {when}: {why} when they called." },
        };
    }

    private static NewCase Base(IvrCaller caller, CaseKind kind)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return new NewCase
        {
            Kind = kind,
            Channel = caller.Channel,
            CallerNumber = caller.CallerNumber,
            Did = caller.Did.E164,
            Country = caller.Did.Country,
            Language = caller.Language,
        };
    }

    private static string Describe(TrafficDirection direction) => direction == TrafficDirection.Inbound ? "inbound" : "outbound";

    private async Task<IvrCaseReceipt> OpenAsync(NewCase request, CancellationToken cancellationToken)
    {
        try
        {
            var opened = await cases.OpenAsync(request, Actor, cancellationToken).ConfigureAwait(false);
            return IvrCaseReceipt.Saved(opened.Number, opened.MissingInfo);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Any failure of the store counts as "database unreachable": the outbox keeps the case until it is back.
            logger.LogWarning(ex, "Case store unavailable; {Kind} case from {Caller} on {Did} goes to the IVR outbox", request.Kind, request.CallerNumber, request.Did);
            await outbox.EnqueueAsync(request, cancellationToken).ConfigureAwait(false);
            return IvrCaseReceipt.Pending(RequiredInformation.MissingFor(request.Kind, request.Details));
        }
    }
}
