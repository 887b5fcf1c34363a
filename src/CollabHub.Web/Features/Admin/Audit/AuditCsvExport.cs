using System.Globalization;
using System.Text;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Admin.Audit;

/// <summary>The audit log, filtered like the page, as a CSV download for records and spreadsheets.</summary>
internal static class AuditCsvExport
{
    public static async Task WriteAsync(
        HttpContext context, IDbContextFactory<AppDbContext> contexts, TimeProvider clock, string? action, string? subjectId, string? subject)
    {
        var cancellationToken = context.RequestAborted;
        var stamp = clock.GetUtcNow().ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"collabhub-audit-{stamp}.csv\"";

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = AuditLog.Filter(db.AuditLog.AsNoTracking(), new AuditFilter(action, subjectId, subject))
            .OrderByDescending(e => e.OccurredAt)
            .ThenByDescending(e => e.Id)
            .AsAsyncEnumerable();

        await using var writer = new StreamWriter(context.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await writer.WriteLineAsync("id,occurred_at_utc,actor,action,subject,details");
        await foreach (var e in entries.WithCancellation(cancellationToken))
        {
            var line = string.Join(',',
                e.Id.ToString(CultureInfo.InvariantCulture),
                e.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                Cell(e.ActorDisplay),
                Cell(e.Action),
                Cell(e.SubjectDisplay),
                Cell(e.Details));
            await writer.WriteLineAsync(line);
        }
    }

    /// <summary>Quoted, and never read as a formula by a spreadsheet (member-supplied text can start with =, +, - or @).</summary>
    internal static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal))
        {
            text = "'" + text;
        }

        return $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }
}
