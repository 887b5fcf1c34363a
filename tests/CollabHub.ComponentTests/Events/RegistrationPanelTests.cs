using Bunit;
using CollabHub.Web.Features.Events;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.ComponentTests.Events;

/// <summary>The registration button in each state a member meets, decided from the event and their registration.</summary>
public sealed class RegistrationPanelTests : BunitContext
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    public RegistrationPanelTests() => Services.AddLocalization();

    private static Event Talk(int? capacity, int confirmed = 0, int waiting = 0) => new()
    {
        Slug = "talk",
        Title = "Talk",
        StartsAt = Now.AddDays(1),
        EndsAt = Now.AddDays(1).AddHours(1),
        Capacity = capacity,
        ConfirmedCount = confirmed,
        WaitlistCount = waiting,
        Status = EventStatus.Published,
    };

    private IRenderedComponent<RegistrationPanel> Panel(Event ev, RegistrationStatus? mine = null, int? position = null, bool signedIn = true, DateTimeOffset? now = null)
    {
        var view = new EventPageView(ev, false, signedIn, signedIn, null, null, new MarkupString(""), mine, position, [], null, TimeZoneInfo.Utc, now ?? Now);
        return Render<RegistrationPanel>(p => p.Add(c => c.State, view.Panel));
    }

    private static string[] Buttons(IRenderedComponent<RegistrationPanel> panel) =>
        [.. panel.FindAll("button").Select(b => b.TextContent.Trim())];

    [Fact]
    public void Open_OffersRegisterAndShowsSeatsLeft()
    {
        var panel = Panel(Talk(50, confirmed: 38));

        Assert.Equal(["Register"], Buttons(panel));
        Assert.Equal("events/talk/register", panel.Find("form").GetAttribute("action"));
        Assert.Contains("12 of 50 seats left", panel.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Full_OffersTheWaitlistAndShowsItsLength()
    {
        var panel = Panel(Talk(50, confirmed: 50, waiting: 7));

        Assert.Equal(["Join the waitlist"], Buttons(panel));
        Assert.Contains("All 50 seats are taken", panel.Markup, StringComparison.Ordinal);
        Assert.Contains("7 on the waitlist", panel.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Registered_SaysSoAndOffersToCancel()
    {
        var panel = Panel(Talk(50, confirmed: 10), RegistrationStatus.Confirmed);

        Assert.Equal("You're registered.", panel.Find("[role=status]").TextContent);
        Assert.Equal(["Cancel my registration"], Buttons(panel));
        Assert.Equal("events/talk/unregister", panel.Find("form").GetAttribute("action"));
    }

    [Fact]
    public void Waitlisted_ShowsThePositionAndOffersToLeave()
    {
        var panel = Panel(Talk(2, confirmed: 2, waiting: 5), RegistrationStatus.Waitlisted, position: 3);

        Assert.Equal("You're number 3 on the waitlist.", panel.Find("[role=status]").TextContent);
        Assert.Equal(["Leave the waitlist"], Buttons(panel));
    }

    [Fact]
    public void Closed_GivesTheReasonAndNoButton()
    {
        var ev = Talk(50);
        ev.RegistrationClosesAt = Now.AddHours(-1);

        var panel = Panel(ev);

        Assert.Empty(Buttons(panel));
        Assert.Contains("Registration has closed.", panel.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Started_RegisteredPersonCanNoLongerCancel()
    {
        var ev = Talk(50, confirmed: 1);

        var panel = Panel(ev, RegistrationStatus.Confirmed, now: ev.StartsAt.AddMinutes(5));

        Assert.Empty(Buttons(panel));
        Assert.Contains("You're registered.", panel.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Visitor_IsAskedToSignInAndComesBack()
    {
        var panel = Panel(Talk(50), signedIn: false);

        Assert.Empty(Buttons(panel));
        Assert.Equal("Account/Login?ReturnUrl=%2Fevents%2Ftalk", panel.Find("a").GetAttribute("href"));
    }
}
