namespace CallMyWay.Voice.Telephony.Ivr.Engine;

/// <summary>Judges a number typed at a step beyond its length: null to accept it, else the key of the prompt that says what is wrong.</summary>
internal delegate ValueTask<string?> DigitsCheck(string digits, CancellationToken cancellationToken);
