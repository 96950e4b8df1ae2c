namespace CallMyWay.Voice.Telephony.Media.Dtmf;

/// <summary>The sixteen DTMF keys: their RFC 4733 event codes and their ITU-T Q.23 tone pairs.</summary>
internal static class DtmfKeypad
{
    public const int KeyCount = 16;

    /// <summary>The low-group (row) frequencies in Hz (Q.23).</summary>
    public static ReadOnlySpan<int> RowFrequencies => [697, 770, 852, 941];

    /// <summary>The high-group (column) frequencies in Hz (Q.23).</summary>
    public static ReadOnlySpan<int> ColumnFrequencies => [1209, 1336, 1477, 1633];

    // RFC 4733 §3.2: events 0-9 are the digits, then *, #, A, B, C, D.
    private static ReadOnlySpan<char> ByEventCode => "0123456789*#ABCD";

    // The keypad read row by row, so the key at (row, column) is Layout[row * 4 + column].
    private static ReadOnlySpan<char> Layout => "123A456B789C*0#D";

    public static char ToDigit(int eventCode) => (uint)eventCode < KeyCount ? ByEventCode[eventCode] : '\0';

    public static bool TryGetEventCode(char digit, out byte eventCode)
    {
        int index = ByEventCode.IndexOf(char.ToUpperInvariant(digit));
        eventCode = (byte)Math.Max(index, 0);
        return index >= 0;
    }

    public static char KeyAt(int row, int column) => Layout[(row * 4) + column];

    public static bool TryGetFrequencies(char digit, out int lowFrequency, out int highFrequency)
    {
        int index = Layout.IndexOf(char.ToUpperInvariant(digit));
        if (index < 0)
        {
            lowFrequency = 0;
            highFrequency = 0;
            return false;
        }

        lowFrequency = RowFrequencies[index / 4];
        highFrequency = ColumnFrequencies[index % 4];
        return true;
    }
}
