using Microsoft.Data.Sqlite;

namespace CallMyWay.Voice.Web.Data;

/// <summary>Makes sure the folder of a SQLite database file exists, so the first start needs no set-up.</summary>
public static class SqliteFiles
{
    public static string Prepare(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:")
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        // Writers queue for the lock instead of failing at once when many cases are opened together.
        if (builder.DefaultTimeout < 30)
        {
            builder.DefaultTimeout = 30;
        }

        return builder.ToString();
    }
}
