using System.Text.Json;
using CallMyWay.Voice.Domain.Application;
using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Telephony.Ivr.Desk;
using CallMyWay.Voice.Web.Api;

namespace CallMyWay.Voice.Web.Calls;

/// <summary>
/// The IVR's outbox on disk: one JSON file per case the database could not take, written and flushed before the
/// caller is told anything, and opened through the case service by <see cref="OutboxReplayer"/> when the database is
/// back. A file is deleted only after its case is saved, so a crash in between repeats a write rather than losing one.
/// </summary>
public sealed class FileIvrOutbox : IIvrOutbox
{
    private static readonly JsonSerializerOptions Json = CreateJson();

    public FileIvrOutbox(string folder)
    {
        Folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public int Pending => Directory.EnumerateFiles(Folder, "*.json").Count();

    public async Task EnqueueAsync(NewCase request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}";
        var temporary = Path.Combine(Folder, name + ".tmp");
        await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
        {
            await JsonSerializer.SerializeAsync(file, request, Json, cancellationToken).ConfigureAwait(false);
            await file.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        // The rename makes the entry appear whole or not at all.
        File.Move(temporary, Path.Combine(Folder, name + ".json"));
    }

    /// <summary>Opens every waiting case through <paramref name="cases"/>; stops at the first failure (the database is still away).</summary>
    public async Task<int> ReplayAsync(CaseService cases, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var opened = 0;
        foreach (var path in Directory.EnumerateFiles(Folder, "*.json").Order(StringComparer.Ordinal).ToList())
        {
            NewCase? request;
            await using (var file = File.OpenRead(path))
            {
                request = await JsonSerializer.DeserializeAsync<NewCase>(file, Json, cancellationToken).ConfigureAwait(false);
            }

            if (request is null)
            {
                File.Move(path, path + ".unreadable");
                continue;
            }

            await cases.OpenAsync(request, CaseServiceIvrDesk.Actor, cancellationToken).ConfigureAwait(false);
            File.Delete(path);
            opened++;
        }

        return opened;
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiServiceCollectionExtensions.Configure(options);
        return options;
    }
}
