using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace CallMyWay.Voice.Web.Api;

/// <summary>
/// Last line of defence: unreadable requests become 400 problem details that say what was wrong,
/// an unavailable database becomes 503, anything else a 500 without internals.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "Invalid request", Describe(bad)),
            Microsoft.Data.Sqlite.SqliteException or Microsoft.Data.SqlClient.SqlException =>
                (StatusCodes.Status503ServiceUnavailable, "Database unavailable", "The database cannot be reached right now; nothing was changed. Try again shortly."),
            _ => (StatusCodes.Status500InternalServerError, "Unexpected error", "The error was logged."),
        };
        if (status >= 500)
        {
            logger.LogError(exception, "Request {Method} {Path} failed", httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    private static string Describe(BadHttpRequestException bad) => bad.InnerException switch
    {
        JsonException json => $"The JSON body is not valid: {json.Message}",
        _ => bad.Message,
    };
}
