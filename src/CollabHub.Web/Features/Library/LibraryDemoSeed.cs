using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Library;

/// <summary>
/// Five real UN documents as link entries (summaries in our own words), approved by the demo administrator, in a
/// "Behavioural Science Week materials" collection; the behavioural science guidance note is featured.
/// </summary>
public sealed class LibraryDemoSeed(TimeProvider clock) : IDemoSeedStep
{
    public string Key => "library/un-documents";

    public async Task RunAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var admin = await db.Users.Where(u => u.Email == MembersDemoSeed.AdminEmail).Select(u => u.Id).SingleOrDefaultAsync(cancellationToken);
        if (admin is null)
        {
            return;
        }

        var resources = Documents().Select((details, i) =>
        {
            var id = Guid.CreateVersion7(now.AddSeconds(i));
            var resource = Resource.Submit(id, LibraryDemoSlugs.All[i], details, null, admin, now);
            resource.Approve(admin, now);
            return resource;
        }).ToList();
        resources[0].SetFeatured(true, admin, now);
        db.LibraryResources.AddRange(resources);

        var week = new ResourceCollection
        {
            Id = Guid.CreateVersion7(now),
            Slug = "behavioural-science-week-materials",
            Title = "Behavioural Science Week materials",
            Description = "Background reading for **Behavioural Science Week**: why the UN applies behavioural science, and the agendas it serves.",
            IsFeatured = true,
            CreatedAt = now,
            UpdatedAt = now,
        };
        week.Add(resources[0].Id, now);
        week.Add(resources[2].Id, now);
        week.Add(resources[1].Id, now);
        db.LibraryCollections.Add(week);
        await db.SaveChangesAsync(cancellationToken);
        await LibraryService.RefreshSearchAsync(db, [.. resources.Select(r => r.Id)], cancellationToken);
    }

    private static IEnumerable<ResourceDetails> Documents() =>
    [
        new("The Secretary-General's Guidance Note on Behavioural Science",
            "Why and how UN entities should use evidence about how people really decide and act, with examples from health, gender equality and administration.",
            """
            The Secretary-General asks every part of the UN system to explore behavioural science and apply it in
            programmes and in its own administration. The note explains what the field offers — diagnosing the
            barriers that keep people from acting on their intentions, and testing designs that help — and
            encourages entities to invest in the capacity and to work on it together across agencies.
            """,
            ResourceType.GuidanceNote, "Executive Office of the Secretary-General", ["António Guterres"], new DateOnly(2021, 10, 15),
            ["en"], ["behavioural science", "un 2.0", "evidence"], [3, 5, 16, 17], "© United Nations", "https://www.un.org/en/content/behaviouralscience/"),
        new("Liquidity and Debt Solutions to Invest in the SDGs: The Time to Act is Now",
            "A policy brief on easing the liquidity squeeze and debt burdens that stop developing countries from investing in recovery and the Goals.",
            """
            Written as the pandemic strained public finances, the brief sets out options for the international
            community: more liquidity for countries that need it, relief and restructuring where debt has become
            unsustainable, and instruments that tie new borrowing to investment in the Sustainable Development Goals
            and climate action.
            """,
            ResourceType.PolicyBrief, "United Nations", [], new DateOnly(2021, 3, 1),
            ["en"], ["financing for development", "debt", "recovery"], [1, 8, 10, 17], "© United Nations", "https://www.un.org/en/coronavirus/financing-development"),
        new("Our Common Agenda",
            "The Secretary-General's report on renewing multilateralism: a renewed social contract, attention to future generations and a more networked UN.",
            """
            Prepared at the request of Member States on the UN's 75th anniversary, the report proposes how to
            accelerate the existing agreements, including the 2030 Agenda. It covers solidarity between peoples and
            generations, global public goods, trust and inclusion, and the changes the UN itself should make.
            """,
            ResourceType.Report, "Executive Office of the Secretary-General", ["António Guterres"], new DateOnly(2021, 9, 10),
            ["en", "fr", "es", "ar", "ru", "zh"], ["multilateralism", "future generations", "un 2.0"], [16, 17], "© United Nations", "https://www.un.org/en/common-agenda"),
        new("The Highest Aspiration: A Call to Action for Human Rights",
            "Seven areas where the UN system commits to put human rights at the centre of its work, from sustainable development to the digital age.",
            """
            Launched before the Human Rights Council in 2020, the Call to Action groups the UN's commitments into
            seven domains, among them rights at the core of sustainable development, in times of crisis, gender
            equality, public participation and civic space, future generations and new technologies.
            """,
            ResourceType.PolicyBrief, "Executive Office of the Secretary-General", ["António Guterres"], new DateOnly(2020, 2, 24),
            ["en", "fr", "es"], ["human rights", "civic space", "gender equality"], [5, 10, 16], "© United Nations", "https://www.un.org/en/content/action-for-human-rights/index.shtml"),
        new("Roadmap for Digital Cooperation",
            "The Secretary-General's plan for a safer, more inclusive digital world: connectivity, digital public goods, trust, rights and cooperation.",
            """
            Following the High-level Panel on Digital Cooperation, the roadmap lists concrete actions: connecting
            everyone to the internet by 2030, promoting digital public goods, supporting digital inclusion and
            capacity, protecting human rights online, building trust and security, and improving how the world
            cooperates on digital matters.
            """,
            ResourceType.Report, "Executive Office of the Secretary-General", ["António Guterres"], new DateOnly(2020, 6, 11),
            ["en"], ["digital cooperation", "human rights", "connectivity"], [4, 9, 16, 17], "© United Nations", "https://www.un.org/en/content/digital-cooperation-roadmap/"),
    ];
}
