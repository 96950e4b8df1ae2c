using CallMyWay.Voice.Telephony.Media.Dtmf;

namespace CallMyWay.Voice.Telephony.Media.Engine;

/// <summary>A key press delivered on a call leg.</summary>
public sealed class DtmfDigitEventArgs(DtmfDigit digit) : EventArgs
{
    public DtmfDigit Digit { get; } = digit;
}
