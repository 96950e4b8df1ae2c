using System.Text.RegularExpressions;

namespace CallMyWay.Voice.Web.Email.Reading;

/// <summary>
/// Reads the customer's verdict on a resolution from the new part of a reply. "Not solved" is looked for first and
/// wins, since its words contain the confirmation's ("no resuelto" holds "resuelto").
/// </summary>
public static partial class VerdictReader
{
    public static CustomerVerdict Read(string reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var words = FoldedText.Words(reply.Length > 2000 ? reply[..2000] : reply);
        if (NotSolved().IsMatch(words))
        {
            return CustomerVerdict.NotSolved;
        }

        return Confirmed().IsMatch(words) ? CustomerVerdict.Confirmed : CustomerVerdict.None;
    }

    [GeneratedRegex(@"\b(no (esta |ha sido |fue |quedo |se ha |se )?(resuelto|resuelta|solucionado|solucionada|arreglado)|sin resolver|sigue|siguen|continua|persiste|persisten|reabrir|reabran|todavia no|aun no|not (yet )?(solved|resolved|fixed|working)|unresolved|still|reopen|persists|isn t (solved|fixed|working)|is not (solved|fixed|working))\b", RegexOptions.CultureInvariant)]
    private static partial Regex NotSolved();

    [GeneratedRegex(@"\b(confirmo|confirmado|confirmamos|resuelto|resuelta|solucionado|solucionada|pueden cerrar|puede cerrar|cerrar el caso|solved|resolved|fixed|confirm|confirmed|you can close|close the case|works now|funciona bien|ya funciona)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Confirmed();
}
