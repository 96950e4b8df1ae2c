using CallMyWay.Voice.Domain.Common;

namespace CallMyWay.Voice.Web.Api;

/// <summary>RFC 9457 problem details for the API's refusals.</summary>
public static class Problems
{
    public static IResult Validation(params (string Field, string Message)[] errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var dictionary = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (field, message) in errors)
        {
            dictionary[field] = dictionary.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
        }

        return Results.ValidationProblem(dictionary, title: "The request has invalid values.");
    }

    /// <summary>Maps a domain refusal to its HTTP status: unknown → 404, a concurrent change → 409, a rule → 409/400.</summary>
    public static IResult From(DomainError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var status = error.Code switch
        {
            "not-found" => StatusCodes.Status404NotFound,
            "case.invalid" => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status409Conflict,
        };
        return Results.Problem(statusCode: status, title: TitleFor(status), detail: error.Message, extensions: new Dictionary<string, object?> { ["code"] = error.Code });
    }

    private static string TitleFor(int status) => status switch
    {
        StatusCodes.Status404NotFound => "Not found",
        StatusCodes.Status400BadRequest => "Invalid request",
        _ => "Not allowed in the case's current state",
    };
}
