namespace CallMyWay.Voice.Telephony.Sip.Transactions;

/// <summary>
/// The transaction timer values of RFC 3261 §17 Table 4 and RFC 6026 §8.11, derived from the three base
/// values T1, T2 and T4. Values for "unreliable transports" apply to UDP; over TCP the transactions use 0
/// where the table says so (Timers D, I, J, K) and never retransmit (Timers A, E, G).
/// </summary>
public sealed record SipTimers
{
    /// <summary>The defaults RFC 3261 recommends: T1 500 ms, T2 4 s, T4 5 s.</summary>
    public static SipTimers Default { get; } = new();

    /// <summary>RTT estimate (RFC 3261 §17.1.1.1); 500 ms by default.</summary>
    public TimeSpan T1 { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest retransmit interval for non-INVITE requests and INVITE responses; 4 s by default.</summary>
    public TimeSpan T2 { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>How long a message may remain in the network; 5 s by default.</summary>
    public TimeSpan T4 { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a server INVITE transaction waits for the TU's first response before sending 100 Trying
    /// itself (RFC 3261 §17.2.1: "if the TU will not generate a provisional response within 200 ms").</summary>
    public TimeSpan TryingDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Timer A: the first INVITE retransmit interval over UDP, doubling each time (RFC 3261 §17.1.1.2).</summary>
    public TimeSpan TimerA => T1;

    /// <summary>Timer B: INVITE transaction timeout, 64×T1.</summary>
    public TimeSpan TimerB => 64 * T1;

    /// <summary>Timer C: proxy INVITE transaction timeout (&gt; 3 min); a user agent does not use it.</summary>
    public TimeSpan TimerC => TimeSpan.FromMinutes(3);

    /// <summary>Timer D: wait time for response retransmissions in the client INVITE Completed state over UDP
    /// (RFC 3261: "&gt; 32 s"), never shorter than the 64×T1 a server keeps retransmitting; 0 over TCP.</summary>
    public TimeSpan TimerD => TimeSpan.FromSeconds(32) > 64 * T1 ? TimeSpan.FromSeconds(32) : 64 * T1;

    /// <summary>Timer E: the first non-INVITE retransmit interval over UDP, doubling up to T2 (RFC 3261 §17.1.2.2).</summary>
    public TimeSpan TimerE => T1;

    /// <summary>Timer F: non-INVITE transaction timeout, 64×T1.</summary>
    public TimeSpan TimerF => 64 * T1;

    /// <summary>Timer G: the first INVITE response retransmit interval over UDP, doubling up to T2 (RFC 3261 §17.2.1).</summary>
    public TimeSpan TimerG => T1;

    /// <summary>Timer H: wait time for the ACK of a non-2xx final response, 64×T1.</summary>
    public TimeSpan TimerH => 64 * T1;

    /// <summary>Timer I: wait time for ACK retransmissions over UDP, T4; 0 over TCP.</summary>
    public TimeSpan TimerI => T4;

    /// <summary>Timer J: wait time for non-INVITE request retransmissions over UDP, 64×T1; 0 over TCP.</summary>
    public TimeSpan TimerJ => 64 * T1;

    /// <summary>Timer K: wait time for non-INVITE response retransmissions over UDP, T4; 0 over TCP.</summary>
    public TimeSpan TimerK => T4;

    /// <summary>Timer L: how long a server INVITE transaction stays Accepted after a 2xx, 64×T1 (RFC 6026 §8.7).</summary>
    public TimeSpan TimerL => 64 * T1;

    /// <summary>Timer M: how long a client INVITE transaction stays Accepted after a 2xx, 64×T1 (RFC 6026 §8.4).</summary>
    public TimeSpan TimerM => 64 * T1;

    /// <summary>The problems with these values, each naming the property; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (T1 <= TimeSpan.Zero)
        {
            errors.Add($"{nameof(T1)} must be positive.");
        }

        if (T2 < T1)
        {
            errors.Add($"{nameof(T2)} must be at least {nameof(T1)}.");
        }

        if (T4 <= TimeSpan.Zero)
        {
            errors.Add($"{nameof(T4)} must be positive.");
        }

        if (TryingDelay < TimeSpan.Zero)
        {
            errors.Add($"{nameof(TryingDelay)} cannot be negative.");
        }

        return errors;
    }
}
