using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace CallMyWay.Voice.Web.WhatsApp;

/// <summary>Checks the <c>WhatsApp</c> section at start; every failure names its key.</summary>
public sealed partial class WhatsAppOptionsValidator : IValidateOptions<WhatsAppOptions>
{
    /// <summary>Upper bound of <see cref="WhatsAppOptions.MaxBodyBytes"/>: the whole body is buffered to check its signature.</summary>
    public const int MaxBodyBytesLimit = 10 * 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, WhatsAppOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Enabled)
        {
            Require(options.VerifyToken, "WhatsApp:VerifyToken", "the Verify Token typed in the Meta App Dashboard", failures);
            Require(options.AppSecret, "WhatsApp:AppSecret", "the Meta app's App Secret, which signs every webhook", failures);
            Require(options.AccessToken, "WhatsApp:AccessToken", "an access token with whatsapp_business_messaging", failures);
            Require(options.PhoneNumberId, "WhatsApp:PhoneNumberId", "the business phone number ID", failures);
        }

        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"WhatsApp:BaseUrl must be an absolute http(s) URL such as {WhatsAppOptions.DefaultBaseUrl}, not \"{options.BaseUrl}\".");
        }

        if (options.ApiVersion is null || !ApiVersionPattern().IsMatch(options.ApiVersion))
        {
            failures.Add($"WhatsApp:ApiVersion must look like {WhatsAppOptions.DefaultApiVersion}, not \"{options.ApiVersion}\".");
        }

        if (options.MaxBodyBytes < 1024 || options.MaxBodyBytes > MaxBodyBytesLimit)
        {
            failures.Add($"WhatsApp:MaxBodyBytes must be between 1024 and {MaxBodyBytesLimit}, not {options.MaxBodyBytes}.");
        }

        for (var i = 0; i < options.Templates.Count; i++)
        {
            var template = options.Templates[i];
            if (template is null || string.IsNullOrWhiteSpace(template.Name) || string.IsNullOrWhiteSpace(template.Language))
            {
                failures.Add($"WhatsApp:Templates:{i} needs a Name and a Language (e.g. \"es_MX\").");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Require(string? value, string key, string what, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{key} is required when WhatsApp:Enabled is true: {what}. Set it in configuration or the environment, never in code.");
        }
    }

    [GeneratedRegex(@"^v\d+\.\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex ApiVersionPattern();
}
