namespace CallMyWay.Voice.Telephony.Media.Dtmf;

/// <summary>One key press: the digit (0-9, *, #, A-D), where it came from and, when known, how long it lasted.</summary>
/// <param name="Digit">The key, upper case for A-D.</param>
/// <param name="Source">The signalling path it arrived on.</param>
/// <param name="Duration">The duration known when it was reported; zero when unknown.</param>
public readonly record struct DtmfDigit(char Digit, DtmfSource Source, TimeSpan Duration = default);
