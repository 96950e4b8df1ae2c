namespace CallMyWay.Voice.Domain.Application;

/// <summary>Someone else saved the case between our read and our write; the caller should reload and retry.</summary>
public sealed class ConcurrentChangeException : Exception
{
    public ConcurrentChangeException()
        : base("The case was changed by someone else in the meantime.")
    {
    }

    public ConcurrentChangeException(string message)
        : base(message)
    {
    }

    public ConcurrentChangeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
