using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace CallMyWay.Voice.Web.WhatsApp;

/// <summary>
/// Fetches a customer's WhatsApp file when an agent opens it: <c>GET {ApiVersion}/{media-id}</c> gives a short-lived
/// URL, which is then read with the same Bearer token (Cloud API "Retrieve media URL" and "Download media"). Meta
/// keeps media for 30 days, so nothing is copied until someone needs it.
/// </summary>
public sealed class WhatsAppMediaClient(HttpClient http, IOptionsMonitor<WhatsAppOptions> options)
{
    public async Task<WhatsAppMediaFile> DownloadAsync(string mediaId, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mediaId);
        var o = options.CurrentValue;
        if (!o.Enabled || string.IsNullOrWhiteSpace(o.AccessToken))
        {
            return WhatsAppMediaFile.Failed("WhatsApp is not configured.");
        }

        try
        {
            using var lookup = Request(new Uri(o.BaseAddress(), $"{o.ApiVersion}/{Uri.EscapeDataString(mediaId)}"), o.AccessToken);
            using var described = await http.SendAsync(lookup, cancellationToken).ConfigureAwait(false);
            if (!described.IsSuccessStatusCode)
            {
                return WhatsAppMediaFile.Failed($"The Graph API answered {(int)described.StatusCode} for media {mediaId}.");
            }

            using var json = JsonDocument.Parse(await described.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
            var root = json.RootElement;
            if (!root.TryGetProperty("url", out var url) || !Uri.TryCreate(url.GetString(), UriKind.Absolute, out var location) || location.Scheme is not ("https" or "http"))
            {
                return WhatsAppMediaFile.Failed("The Graph API gave no download URL.");
            }

            var type = root.TryGetProperty("mime_type", out var mime) ? mime.GetString() ?? "application/octet-stream" : "application/octet-stream";
            if (root.TryGetProperty("file_size", out var size) && size.TryGetInt64(out var bytes) && bytes > maxBytes)
            {
                return WhatsAppMediaFile.Failed($"The file has {bytes} bytes; files up to {maxBytes} are opened here.");
            }

            using var download = Request(location, o.AccessToken);
            using var response = await http.SendAsync(download, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return WhatsAppMediaFile.Failed($"The media download answered {(int)response.StatusCode}.");
            }

            var content = await ReadCappedAsync(response.Content, maxBytes, cancellationToken).ConfigureAwait(false);
            return content is null ? WhatsAppMediaFile.Failed($"The file is larger than {maxBytes} bytes.") : new WhatsAppMediaFile(content, type, null);
        }
        catch (HttpRequestException e)
        {
            return WhatsAppMediaFile.Failed($"The Graph API could not be reached: {e.Message}");
        }
        catch (JsonException)
        {
            return WhatsAppMediaFile.Failed("The Graph API's answer was not JSON.");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return WhatsAppMediaFile.Failed("The Graph API did not answer in time.");
        }
    }

    private static HttpRequestMessage Request(Uri uri, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static async Task<byte[]?> ReadCappedAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }
}
