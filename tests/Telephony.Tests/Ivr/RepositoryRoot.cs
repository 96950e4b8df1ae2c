namespace CallMyWay.Voice.Telephony.Tests.Ivr;

/// <summary>The repository's root folder: the first folder above the test binaries that holds the solution file.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Prompts => System.IO.Path.Combine(Path, "prompts");

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "CallMyWay.Voice.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No CallMyWay.Voice.sln above {AppContext.BaseDirectory}.");
    }
}
