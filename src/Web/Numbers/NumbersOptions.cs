namespace CallMyWay.Voice.Web.Numbers;

/// <summary>Configuration section <c>Numbers</c>.</summary>
public sealed class NumbersOptions
{
    public const string Section = "Numbers";

    public string File { get; set; } = "config/numbers.json";
}
