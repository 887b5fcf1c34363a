namespace CollabHub.Web.Features.Groups;

/// <summary>The demo colleagues and groups that <see cref="GroupsCommunityDemoSeed"/> adds: invented, but true to life.</summary>
internal static class GroupsDemoPeople
{
    public sealed record Colleague(
        string Key, string Name, string Email, string Organisation, string DutyStation, string JobTitle, string Bio,
        IReadOnlyList<string> Expertise, IReadOnlyList<string> Languages, string TimeZone);

    /// <summary>A group to create (Name set) or a founding group to fill in (Name null), with who belongs and who waits.</summary>
    public sealed record GroupPlan(
        string Slug,
        string? Name,
        string? Summary,
        string? Description,
        GroupVisibility Visibility,
        GroupJoinPolicy JoinPolicy,
        IReadOnlyList<string> Topics,
        IReadOnlyList<(string Person, GroupRole Role)> Members,
        TimeSpan Age,
        TimeSpan LastActive)
    {
        public IReadOnlyList<(string Person, string Message)> Requests { get; init; } = [];

        public IReadOnlyList<string> Invitations { get; init; } = [];
    }

    public static readonly IReadOnlyList<Colleague> All =
    [
        new("amina", "Amina Diallo", "amina.diallo@collabhub.example", "OHCHR", "Geneva", "Human Rights Officer",
            "I support country teams in West Africa to bring human rights into common country analyses.",
            ["human rights", "rule of law", "country engagement"], ["fr", "en", "ar"], "Europe/Zurich"),
        new("kenji", "Kenji Watanabe", "kenji.watanabe@collabhub.example", "UNDP", "New York", "Behavioural Insights Specialist",
            "I design and test behavioural interventions with country offices, from tax compliance to e-government uptake.",
            ["behavioural science", "randomised trials", "public policy"], ["en", "ja"], "America/New_York"),
        new("sofia", "Sofía Hernández", "sofia.hernandez@collabhub.example", "UNICEF", "Panama City", "Social and Behaviour Change Officer",
            "Social and behaviour change for immunisation and early childhood programmes across Latin America and the Caribbean.",
            ["social and behaviour change", "communication for development", "immunisation"], ["es", "en", "pt"], "America/Panama"),
        new("olumide", "Olumide Adeyemi", "olumide.adeyemi@collabhub.example", "WHO", "Brazzaville", "Health Promotion Officer",
            "Vaccination demand and community engagement in the African Region.",
            ["health behaviour", "vaccination demand", "community engagement"], ["en", "fr", "yo"], "Africa/Brazzaville"),
        new("maria", "Maria Ivanova", "maria.ivanova@collabhub.example", "UNHCR", "Copenhagen", "Data Protection Officer",
            "Keeping refugees' personal data safe while it helps them: data protection impact assessments and training.",
            ["data protection", "privacy", "information management"], ["ru", "en", "uk"], "Europe/Copenhagen"),
        new("rania", "Rania Haddad", "rania.haddad@collabhub.example", "ESCWA", "Beirut", "Social Affairs Officer",
            "Social protection and gender equality in the Arab region; survey design and household data.",
            ["social protection", "gender equality", "survey design"], ["ar", "en", "fr"], "Asia/Beirut"),
        new("liwei", "Li Wei", "li.wei@collabhub.example", "UNEP", "Nairobi", "Programme Management Officer",
            "Behaviour change for sustainable consumption: food waste, single-use plastics and energy use.",
            ["sustainable consumption", "environmental behaviour", "evaluation"], ["zh", "en", "sw"], "Africa/Nairobi"),
        new("james", "James O'Connor", "james.oconnor@collabhub.example", "DGC", "New York", "Communications Officer",
            "Campaigns that people act on: message testing and audience research for UN observances.",
            ["strategic communication", "message testing", "human rights advocacy"], ["en", "es"], "America/New_York"),
        new("priya", "Priya Nair", "priya.nair@collabhub.example", "WFP", "Rome", "Monitoring and Evaluation Officer",
            "Evaluating cash-based transfers and school meals, with a soft spot for well-run field experiments.",
            ["evaluation", "cash transfers", "field experiments"], ["en", "hi", "it"], "Europe/Rome"),
    ];

    public static readonly IReadOnlyList<GroupPlan> Groups =
    [
        new("un-behavioural-science-group", null, null, null, GroupVisibility.Public, GroupJoinPolicy.Open,
            ["behavioural science", "randomised trials", "evaluation", "behavioural science week"],
            [("admin", GroupRole.Owner), ("kenji", GroupRole.Moderator), ("sofia", GroupRole.Member), ("olumide", GroupRole.Member),
             ("liwei", GroupRole.Member), ("james", GroupRole.Member), ("priya", GroupRole.Member)],
            TimeSpan.FromDays(400), TimeSpan.FromHours(3)),
        new("call-to-action-for-human-rights", null, null, null, GroupVisibility.Public, GroupJoinPolicy.Open,
            ["human rights", "rule of law", "country support"],
            [("admin", GroupRole.Owner), ("amina", GroupRole.Moderator), ("rania", GroupRole.Member), ("james", GroupRole.Member)],
            TimeSpan.FromDays(300), TimeSpan.FromDays(1)),
        new("data-protection-focal-points", "Data Protection Focal Points",
            "Focal points across the UN system compare notes on personal data protection, impact assessments and breaches.",
            """
            A closed circle for colleagues who are their entity's **data protection focal point**, or who are about to become one.

            - Share templates for data protection impact assessments
            - Ask how others handled a breach or a difficult data-sharing request
            - Follow how the UN Personal Data Protection and Privacy Principles are put into practice

            Ask to join with a line on your role; the moderators answer within a few days.
            """,
            GroupVisibility.Private, GroupJoinPolicy.Request,
            ["data protection", "privacy", "information management"],
            [("maria", GroupRole.Owner), ("amina", GroupRole.Moderator), ("priya", GroupRole.Member)],
            TimeSpan.FromDays(120), TimeSpan.FromDays(4))
        {
            Requests =
            [
                ("rania", "I have just been named ESCWA's focal point for the household survey programme and would value your templates."),
                ("kenji", "We are setting up a trial with administrative data and want to get the data protection side right from the start."),
            ],
        },
        new("behavioural-science-week-organisers", "Behavioural Science Week Organisers",
            "The organising team of Behavioural Science Week: programme, speakers and logistics.",
            """
            Where the organising team prepares **Behavioural Science Week**: the programme, speaker invitations, session
            formats and the follow-up report.

            This group is hidden until the programme is announced; organisers invite new team members.
            """,
            GroupVisibility.Hidden, GroupJoinPolicy.Invitation,
            ["behavioural science week", "events"],
            [("kenji", GroupRole.Owner), ("sofia", GroupRole.Moderator), ("james", GroupRole.Member), ("admin", GroupRole.Member)],
            TimeSpan.FromDays(45), TimeSpan.FromHours(20))
        {
            Invitations = ["guest.speaker@collabhub.example"],
        },
    ];
}
