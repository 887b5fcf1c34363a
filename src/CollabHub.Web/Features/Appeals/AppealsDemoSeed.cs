using CollabHub.Web.Infrastructure.Data;

namespace CollabHub.Web.Features.Appeals;

/// <summary>
/// One open appeal, in our own words, modelled on the Secretary-General's call for a global ceasefire during the
/// pandemic, endorsed by most Member States, a range of organisations and many people. Every count on its page comes
/// from these rows; they go in as one batch of inserts with the rest of the step.
/// </summary>
public sealed class AppealsDemoSeed(TimeProvider clock) : IDemoSeedStep
{
    public const string Slug = "silence-the-guns-a-global-ceasefire";

    /// <summary>States that have not endorsed in the demo, so the roll and the region filter look true to life.</summary>
    private static readonly HashSet<string> NotYet = new(StringComparer.Ordinal)
    {
        "KP", "ER", "BY", "SY", "VE", "NI", "MM", "RU", "IR", "CU", "LA", "TM", "BI", "SS", "CF", "KH", "TJ", "VA", "PS",
    };

    public string Key => "appeals/global-ceasefire";

    public Task RunAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var appeal = new Appeal
        {
            Slug = Slug,
            Title = "Silence the guns: a global ceasefire while the world fights a pandemic",
            IssuedBy = "The Secretary-General of the United Nations",
            Call = """
                The pandemic does not care who controls a checkpoint or which flag flies over a town. While it spreads,
                every hour of fighting closes a clinic, blocks a convoy or drives a family from the only shelter it had.

                **We call on all parties to armed conflict, everywhere, to stop fighting now** and to:

                - hold their fire and pull back from front lines;
                - open safe corridors for medical teams, vaccines and food;
                - protect health workers, patients and hospitals;
                - put their energy into talks, not attacks.

                The fight that matters is the one against the virus. Let us wage it together.
                """,
            WhyItMatters = """
                Conflict-affected countries have the weakest health systems and the least room to recover. People who
                have fled their homes live crowded together, far from water and care. A ceasefire is the one measure
                that lets help reach them in time, and it can open the door to lasting peace.
                """,
            Commitment = "States commit to support the call in their statements and votes; organisations to echo it in their work and networks; individuals to add their voice and share it.",
            RelatedLinks = "The Secretary-General's appeal | https://www.un.org/en/globalceasefire\nUN News coverage | https://news.un.org/",
            StartsOn = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-60),
            Goal = 10_000,
            CreatedAt = now - TimeSpan.FromDays(61),
        };
        appeal.Open(now - TimeSpan.FromDays(60));
        db.Appeals.Add(appeal);

        var rows = new List<Endorsement>();
        var n = 0;
        foreach (var state in MemberStates.All.Where(s => !NotYet.Contains(s.Alpha2)))
        {
            n++;
            rows.Add(Endorsement.ByState(appeal.Id, state, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Note verbale {state.Alpha3}/2020/{n:000}"), null, now - TimeSpan.FromHours(1000 - (n * 5))));
        }

        foreach (var (name, type, country) in Organisations)
        {
            var organisation = Endorsement.ByOrganisation(appeal.Id, null, name, type, country, now - TimeSpan.FromDays(30));
            organisation.ConfirmByModerator(null, now - TimeSpan.FromDays(29));
            rows.Add(organisation);
        }

        var i = 0;
        foreach (var first in FirstNames)
        {
            foreach (var last in LastNames)
            {
                i++;
                var (person, _) = Endorsement.ByVisitor(appeal.Id, $"{first} {last}", $"{first}.{last}.{i}@example.org".ToLowerInvariant(), listed: i % 3 == 0, now - TimeSpan.FromMinutes(i * 37));
                person.ConfirmByEmail(now - TimeSpan.FromMinutes(i * 37) + TimeSpan.FromMinutes(5));
                rows.Add(person);
            }
        }

        db.AppealEndorsements.AddRange(rows);
        return Task.CompletedTask;
    }

    private static readonly string[] FirstNames =
    [
        "Aisha", "Mateo", "Nour", "Ivan", "Mei", "Kwame", "Lucía", "Arjun", "Fatima", "Tomás", "Yuki", "Zanele", "Omar", "Ingrid", "Thabo",
        "Leila", "Diego", "Anya", "Samir", "Chloé",
    ];

    private static readonly string[] LastNames =
    [
        "Okafor", "Silva", "Haddad", "Petrov", "Chen", "Mensah", "García", "Sharma", "Rahman", "Costa", "Tanaka", "Dlamini", "Farouk", "Larsen",
        "Nkosi", "Karimi", "Rojas", "Novak", "Aziz", "Dubois",
    ];

    private static readonly (string Name, OrganisationType Type, string Country)[] Organisations =
    [
        ("UNICEF", OrganisationType.UnEntity, "US"),
        ("UNHCR", OrganisationType.UnEntity, "CH"),
        ("World Food Programme", OrganisationType.UnEntity, "IT"),
        ("UN Women", OrganisationType.UnEntity, "US"),
        ("OHCHR", OrganisationType.UnEntity, "CH"),
        ("African Union", OrganisationType.RegionalOrganisation, "ET"),
        ("European Union", OrganisationType.RegionalOrganisation, "BE"),
        ("League of Arab States", OrganisationType.RegionalOrganisation, "EG"),
        ("Organization of American States", OrganisationType.RegionalOrganisation, "US"),
        ("Association of Southeast Asian Nations", OrganisationType.RegionalOrganisation, "ID"),
        ("Women Mediators of the Sahel", OrganisationType.Ngo, "ML"),
        ("Peace Doctors Network", OrganisationType.Ngo, "KE"),
        ("Youth for Dialogue Colombia", OrganisationType.Ngo, "CO"),
        ("Children First in Crisis", OrganisationType.Ngo, "JO"),
        ("Mountain Communities for Peace", OrganisationType.Ngo, "NP"),
        ("Pacific Islands Civil Society Forum", OrganisationType.Ngo, "FJ"),
        ("Balkan Reconciliation Initiative", OrganisationType.Ngo, "BA"),
        ("Refugee Health Volunteers", OrganisationType.Ngo, "LB"),
        ("Mothers for Peace Uganda", OrganisationType.Ngo, "UG"),
        ("Andean Human Rights Collective", OrganisationType.Ngo, "PE"),
        ("Institute for Peace and Conflict Studies", OrganisationType.Academic, "NO"),
        ("University of Nairobi, Centre for Peace Studies", OrganisationType.Academic, "KE"),
        ("Global Health Law Centre", OrganisationType.Academic, "CA"),
        ("School of Public Health, Universidad de Chile", OrganisationType.Academic, "CL"),
        ("Centre for Humanitarian Research", OrganisationType.Academic, "CH"),
        ("Asia-Pacific Institute of Mediation", OrganisationType.Academic, "SG"),
        ("Open Logistics Alliance", OrganisationType.PrivateSector, "NL"),
        ("Meridian Telecom Foundation", OrganisationType.PrivateSector, "ZA"),
        ("Sahel Solar Cooperative", OrganisationType.PrivateSector, "SN"),
        ("Nordic Shipping Council", OrganisationType.PrivateSector, "DK"),
    ];
}
