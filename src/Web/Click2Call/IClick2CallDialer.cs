namespace CallMyWay.Voice.Web.Click2Call;

/// <summary>Places one callback attempt (through the trunk in production) and, once answered, runs the call to its end.</summary>
public interface IClick2CallDialer
{
    /// <summary>Dials and waits for the answer or the end of the attempt; an answered result carries the conversation still going on.</summary>
    Task<Click2CallDialResult> DialAsync(Click2CallDial dial, CancellationToken cancellationToken);
}
