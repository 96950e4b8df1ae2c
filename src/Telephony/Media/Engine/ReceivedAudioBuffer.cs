namespace CallMyWay.Voice.Telephony.Media.Engine;

/// <summary>
/// A small jitter buffer of received G.711 payload bytes (one byte per sample) between the receive
/// loop, which writes packets of any duration as they arrive, and the clock, which takes one 20 ms
/// frame per tick.
/// </summary>
/// <remarks>
/// Reading starts once <c>prebuffer</c> bytes wait, and again after every underrun, so arrival
/// jitter up to that much is absorbed. When the peer sends faster than the clock runs, or in a
/// burst, the buffer drops one extra frame per tick while it holds more than the high-water mark,
/// which bounds the delay it adds.
/// </remarks>
internal sealed class ReceivedAudioBuffer
{
    private readonly Lock _gate = new();
    private readonly byte[] _ring;
    private readonly int _prebuffer;
    private readonly int _highWater;
    private int _head;
    private int _count;
    private bool _buffering = true;

    public ReceivedAudioBuffer(int capacity = 1600, int prebuffer = 320, int highWater = 800)
    {
        _ring = new byte[capacity];
        _prebuffer = prebuffer;
        _highWater = highWater;
    }

    public void Write(ReadOnlySpan<byte> payload)
    {
        lock (_gate)
        {
            if (payload.Length >= _ring.Length)
            {
                payload = payload[^_ring.Length..];
            }

            int overflow = _count + payload.Length - _ring.Length;
            if (overflow > 0)
            {
                Skip(overflow);
            }

            int tail = (_head + _count) % _ring.Length;
            int first = Math.Min(payload.Length, _ring.Length - tail);
            payload[..first].CopyTo(_ring.AsSpan(tail));
            payload[first..].CopyTo(_ring);
            _count += payload.Length;
        }
    }

    /// <summary>Takes exactly <paramref name="frame"/>.Length bytes, or returns false while buffering.</summary>
    public bool TryRead(Span<byte> frame)
    {
        lock (_gate)
        {
            if (_buffering)
            {
                if (_count < Math.Max(_prebuffer, frame.Length))
                {
                    return false;
                }

                _buffering = false;
            }

            if (_count < frame.Length)
            {
                _buffering = true;
                return false;
            }

            if (_count - frame.Length > _highWater)
            {
                Skip(frame.Length);
            }

            int first = Math.Min(frame.Length, _ring.Length - _head);
            _ring.AsSpan(_head, first).CopyTo(frame);
            _ring.AsSpan(0, frame.Length - first).CopyTo(frame[first..]);
            Skip(frame.Length);
            return true;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _head = 0;
            _count = 0;
            _buffering = true;
        }
    }

    private void Skip(int count)
    {
        _head = (_head + count) % _ring.Length;
        _count -= count;
    }
}
