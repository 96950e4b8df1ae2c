namespace CallMyWay.Voice.Web.Numbers;

/// <summary>The numbers file is missing or wrong; the message names the file, the entry and the problem.</summary>
public sealed class NumbersFileException : Exception
{
    public NumbersFileException()
    {
    }

    public NumbersFileException(string message)
        : base(message)
    {
    }

    public NumbersFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
