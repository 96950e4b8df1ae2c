namespace CallMyWay.Voice.Web.Click2Call;

/// <summary>The cap on callback calls up at once: a slot is taken before dialling and given back when the call ends.</summary>
public sealed class OutboundCallSlots(int capacity)
{
    private int _inUse;

    public int InUse => Volatile.Read(ref _inUse);

    public int Capacity => capacity;

    public bool HasRoom => InUse < capacity;

    public bool TryTake()
    {
        while (true)
        {
            var current = Volatile.Read(ref _inUse);
            if (current >= capacity)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _inUse, current + 1, current) == current)
            {
                return true;
            }
        }
    }

    public void Release() => Interlocked.Decrement(ref _inUse);
}
