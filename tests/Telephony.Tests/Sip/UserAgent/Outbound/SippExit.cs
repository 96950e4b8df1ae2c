namespace CallMyWay.Voice.Telephony.Tests.Sip.UserAgent.Outbound;

/// <summary>How a sipp run ended: its exit code (0: every call succeeded; -1: killed at the time limit) and its logs.</summary>
internal sealed record SippExit(int ExitCode, string Log, string Messages, string Errors)
{
    public override string ToString() => $"sipp exit {ExitCode}\n--- log\n{Log}\n--- errors\n{Errors}\n--- messages\n{Messages}";
}
