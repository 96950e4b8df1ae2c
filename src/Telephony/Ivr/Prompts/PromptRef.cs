namespace CallMyWay.Voice.Telephony.Ivr.Prompts;

/// <summary>One recorded sentence or word in one language: the file <c>prompts/&lt;Language&gt;/&lt;Key&gt;.wav</c>.</summary>
/// <param name="Key">The catalogue key, e.g. <c>menu.cases</c> or <c>digit.7</c>; see <see cref="PromptKeys"/>.</param>
/// <param name="Language"><c>es</c> or <c>en</c>.</param>
public sealed record PromptRef(string Key, string Language)
{
    public override string ToString() => $"{Language}/{Key}";
}
