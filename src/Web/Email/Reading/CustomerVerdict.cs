namespace CallMyWay.Voice.Web.Email.Reading;

/// <summary>What a customer's reply to a resolved case says about the resolution.</summary>
public enum CustomerVerdict
{
    /// <summary>Neither: the reply is kept as a note.</summary>
    None,

    /// <summary>"Confirmo", "resuelto", "solved", "confirm": the case closes.</summary>
    Confirmed,

    /// <summary>"No resuelto", "sigue", "not solved": the case reopens.</summary>
    NotSolved,
}
