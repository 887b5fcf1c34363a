using System.Security.Claims;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Groups;

/// <summary>
/// What the demo groups' members have said to each other (<see cref="Discussions.DiscussionsDemoSeed"/>,
/// <see cref="Chat.ChatDemoSeed"/>): invented, but true to life. People are <see cref="GroupsDemoPeople"/>' keys, and
/// "admin" the demo administrator, whose new account may post only a little at first.
/// </summary>
internal static class GroupsDemoConversations
{
    /// <summary>The demo people's user ids by key ("admin" included when the administrator exists).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> PeopleAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var keys = GroupsDemoPeople.All.ToDictionary(c => c.Email, c => c.Key, StringComparer.OrdinalIgnoreCase);
        keys[MembersDemoSeed.AdminEmail] = "admin";
        var emails = keys.Keys.ToList();
        var users = await db.Users.Where(u => emails.Contains(u.Email!)).Select(u => new { u.Id, u.Email }).ToListAsync(cancellationToken);
        return users.ToDictionary(u => keys[u.Email!], u => u.Id, StringComparer.Ordinal);
    }

    /// <summary>A demo person signed in, as the services see a member.</summary>
    public static ClaimsPrincipal Principal(string userId) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "demo-seed"));

    public sealed record Thread(string GroupSlug, string Author, string Title, string Body, IReadOnlyList<(string Author, string Body)> Replies);

    public static readonly IReadOnlyList<Thread> Threads =
    [
        new("un-behavioural-science-group", "kenji", "Reminder letters for tax filing: which wording worked for you?",
            """
            We are helping a revenue authority redesign its **filing reminder letters** and will test three versions in a
            randomised trial next quarter:

            1. the current letter, as a control;
            2. a *social norm* line ("9 out of 10 people in your district file on time");
            3. a simplified letter with a single clear deadline and a QR code to the form.

            Has anyone run something similar? I would especially like to hear what did **not** work.
            """,
            [
                ("sofia", """
                    We tested a social norm line on school enrolment letters in Panama. It helped only where the norm was
                    true *locally*: district figures worked, national figures did nothing. Make sure the number you quote
                    is one people recognise.
                    """),
                ("priya", """
                    On the design side: randomise by **tax office** rather than by person if the letters could be
                    discussed at the counter, and pre-register the primary outcome (filing by the deadline) before the
                    first letter goes out. Happy to look at your analysis plan, @**Kenji Watanabe**.
                    """),
                ("kenji", "Thank you both. District-level figures it is, and Priya, I will share the plan here next week."),
            ]),
        new("un-behavioural-science-group", "olumide", "SMS reminders for second vaccine doses: our pre-registration",
            """
            Our team in Brazzaville has pre-registered a trial of SMS reminders for second doses, sent three days and one
            day before the appointment. The protocol and the analysis plan are now public.

            We would welcome comments on the **message texts** before the trial starts: they are in French and Lingala.
            """,
            [
                ("liwei", "Good to see the analysis plan up front. Will you also record whether the number belongs to the person vaccinated or to a relative? It changed our results in a similar trial."),
                ("admin", "Thank you for sharing this openly. Could you post a short summary here once the first results are in? It would make a good session for Behavioural Science Week."),
            ]),
        new("call-to-action-for-human-rights", "amina", "Civic space indicators: which sources do you rely on?",
            """
            For the next country analysis we need a small set of **civic space indicators** that are comparable across
            years. Which sources do your teams rely on, and how do you handle years with missing data?
            """,
            [
                ("rania", "In the Arab region we combine the national human rights institution's reports with our own monitoring of laws on associations. For missing years we show the gap rather than interpolate."),
                ("james", "From the communications side: whatever you choose, please keep a plain-language note on each indicator. We are asked about them more than about anything else in the report."),
            ]),
    ];

    /// <summary>Each demo group's chat history, oldest first.</summary>
    public static readonly IReadOnlyList<(string GroupSlug, IReadOnlyList<(string Author, string Body)> Messages)> Chats =
    [
        ("un-behavioural-science-group",
        [
            ("kenji", "Morning all! The draft programme for **Behavioural Science Week** is on the event page: comments welcome until Friday."),
            ("sofia", "Thanks Kenji. Could we add a clinic on designing letters and forms? Several country offices asked for one."),
            ("priya", "+1 to a clinic. I can bring two examples from WFP's cash programmes."),
            ("james", "I will prepare a short post for the UN intranet once the programme is final."),
            ("olumide", "Our SMS trial is in the discussions now, feedback on the message texts very welcome."),
        ]),
        ("call-to-action-for-human-rights",
        [
            ("amina", "Reminder: the side event on civic space online is on the events page, registration is open."),
            ("rania", "Registered. Will the recording be shared with colleagues in other time zones?"),
            ("amina", "Yes, the recording and the slides will be in the library afterwards."),
        ]),
    ];
}
