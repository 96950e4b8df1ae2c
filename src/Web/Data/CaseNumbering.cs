namespace CallMyWay.Voice.Web.Data;

/// <summary>
/// Case numbers come from the database's own counter (SQLite AUTOINCREMENT, SQL Server IDENTITY): increasing,
/// unique under concurrent inserts and never reused, even after a delete or a restart.
/// </summary>
public static class CaseNumbering
{
    /// <summary>The first number handed out; four digits so that numbers read well on the phone from the start.</summary>
    public const int FirstNumber = 1001;
}
