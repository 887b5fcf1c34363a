using System.Globalization;
using System.Text;

namespace CollabHub.Web.Features.Events;

/// <summary>The attendee list as CSV (RFC 4180) for spreadsheets, with formula-looking cells defused.</summary>
public static class AttendeeCsv
{
    public static string Write(IEnumerable<AttendeeRow> rows)
    {
        var csv = new StringBuilder("Name,E-mail,Status,Waitlist position,Registered (UTC),Checked in (UTC)\r\n");
        foreach (var row in rows)
        {
            csv.AppendJoin(',',
                Cell(row.DisplayName),
                Cell(row.Email),
                Cell(row.Status.ToString()),
                Cell(row.WaitlistPosition?.ToString(CultureInfo.InvariantCulture) ?? ""),
                Cell(row.RegisteredAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
                Cell(row.CheckedInAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? ""));
            csv.Append("\r\n");
        }

        return csv.ToString();
    }

    /// <summary>Quoted; a leading = + - @ gets an apostrophe so a spreadsheet shows it instead of running it.</summary>
    private static string Cell(string value)
    {
        var safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
