using System.Globalization;
using System.Text;
using System.Xml.Linq;
using CollabHub.Web.Features.Admin.Audit;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Appeals;

/// <summary>The share card (an SVG built as XML, so a title can never become markup) and the moderators' CSV export.</summary>
internal static class AppealExports
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static async Task<IResult> CardAsync(string slug, HttpContext http, AppealQueries queries, CancellationToken cancellationToken)
    {
        if (await queries.GetAsync(AppealEndpoints.Viewer(http), slug, new RollFilter(Page: 1), cancellationToken) is not { } view)
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "public, max-age=60";
        return Results.Text(Card(view.Access.Appeal.Title, view.Access.Appeal.IssuedBy, view.Counts), "image/svg+xml; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>A 1200×630 card (the Open Graph size) with the title, the issuer and the current counts.</summary>
    internal static string Card(string title, string issuedBy, AppealCounts counts)
    {
        var lines = Wrap(title, 34).Take(3).ToList();
        var text = new XElement(Svg + "text", new XAttribute("x", 80), new XAttribute("y", 200), new XAttribute("font-size", 60),
            new XAttribute("font-weight", "bold"), new XAttribute("fill", "#ffffff"),
            lines.Select((line, i) => new XElement(Svg + "tspan", new XAttribute("x", 80), new XAttribute("dy", i == 0 ? 0 : 72), line)));
        var root = new XElement(Svg + "svg",
            new XAttribute("width", 1200), new XAttribute("height", 630), new XAttribute("viewBox", "0 0 1200 630"),
            new XAttribute("role", "img"), new XAttribute("aria-label", title),
            new XElement(Svg + "rect", new XAttribute("width", 1200), new XAttribute("height", 630), new XAttribute("fill", "#0b4f8a")),
            new XElement(Svg + "text", new XAttribute("x", 80), new XAttribute("y", 110), new XAttribute("font-size", 30), new XAttribute("fill", "#cfe3f5"),
                "CollabHub · " + issuedBy),
            text,
            new XElement(Svg + "text", new XAttribute("x", 80), new XAttribute("y", 560), new XAttribute("font-size", 40), new XAttribute("fill", "#ffffff"),
                CountsLine(counts)));
        root.SetAttributeValue("font-family", "system-ui, sans-serif");
        return new XDocument(root).ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>"183 Member States · 1,204 organisations · 58,310 people", in the invariant culture's digit grouping.</summary>
    public static string CountsLine(AppealCounts counts) => string.Create(CultureInfo.InvariantCulture,
        $"{counts.States:N0} Member States · {counts.Organisations:N0} organisations · {counts.People:N0} people");

    public static async Task<IResult> CsvAsync(string slug, HttpContext http, IDbContextFactory<AppDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var appeal = await db.Appeals.AsNoTracking().SingleOrDefaultAsync(a => a.Slug == slug, cancellationToken);
        if (appeal is null || await AppealAccessLoader.ForAsync(db, appeal, AppealEndpoints.Viewer(http), cancellationToken) is not { CanSee: true, CanManage: true })
        {
            return Results.NotFound();
        }

        // Addresses stay out: the export is for the roll and the record, not for mailing endorsers.
        var rows = await db.AppealEndorsements.AsNoTracking()
            .Where(e => e.AppealId == appeal.Id)
            .OrderBy(e => e.Capacity).ThenBy(e => e.Name)
            .Select(e => new
            {
                e.Capacity, e.Status, e.Listed, e.OrganisationType, e.CountryCode, e.Reference, e.CreatedAt, e.ConfirmedAt,
                Name = e.UserId != null && e.Capacity == EndorsementCapacity.Individual
                    ? db.Users.Where(u => u.Id == e.UserId).Select(u => u.DisplayName).FirstOrDefault() ?? "" : e.Name,
            })
            .ToListAsync(cancellationToken);
        var csv = new StringBuilder("capacity,status,name,listed,organisation_type,country,reference,submitted_at,confirmed_at\r\n");
        foreach (var row in rows)
        {
            csv.AppendJoin(',',
                row.Capacity.ToString(), row.Status.ToString(), AuditCsvExport.Cell(row.Name), row.Listed ? "yes" : "no",
                row.OrganisationType?.ToString() ?? "", row.CountryCode ?? "", AuditCsvExport.Cell(row.Reference),
                row.CreatedAt.ToString("O", CultureInfo.InvariantCulture), row.ConfirmedAt?.ToString("O", CultureInfo.InvariantCulture) ?? "");
            csv.Append("\r\n");
        }

        return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(),
            "text/csv; charset=utf-8", $"{slug}-endorsements.csv");
    }

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + word.Length + 1 > width)
            {
                yield return line.ToString();
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : "").Append(word);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }
}
