namespace CallMyWay.Voice.EndToEnd.Tests;

/// <summary>What a sipp run left: its exit code (0 = all calls succeeded) and its traces.</summary>
public sealed record SippResult(int ExitCode, string Messages, string ScenarioLog, string Errors)
{
    public override string ToString() => $"sipp exit {ExitCode}\n--- messages ---\n{Messages}\n--- log ---\n{ScenarioLog}\n--- errors ---\n{Errors}";
}
