using CollabHub.Web.Features.Events;

namespace CollabHub.UnitTests.Events;

public sealed class EventRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static Event Published(int? capacity) => new()
    {
        Slug = "talk",
        Title = "Talk",
        StartsAt = Now.AddDays(2),
        EndsAt = Now.AddDays(2).AddHours(1),
        Capacity = capacity,
        Status = EventStatus.Published,
    };

    private static EventRegistration Take(Event ev, string user) => ev.Register(null, user, Now).Registration;

    [Fact]
    public void Register_SeatFree_Confirms()
    {
        var ev = Published(2);

        var (registration, change) = ev.Register(null, "a", Now);

        Assert.Equal(RegistrationChange.Confirmed, change);
        Assert.Equal(RegistrationStatus.Confirmed, registration.Status);
        Assert.Equal((1, 1), (ev.ConfirmedCount, ev.SeatsLeft));
    }

    [Fact]
    public void Register_Full_WaitlistsInArrivalOrder()
    {
        var ev = Published(1);
        Take(ev, "a");

        var b = ev.Register(null, "b", Now);
        var c = ev.Register(null, "c", Now);

        Assert.Equal(RegistrationChange.Waitlisted, b.Change);
        Assert.True(b.Registration.Ticket < c.Registration.Ticket);
        Assert.Equal((1, 2), (ev.ConfirmedCount, ev.WaitlistCount));
    }

    [Fact]
    public void Register_Twice_ChangesNothing()
    {
        var ev = Published(1);
        var first = Take(ev, "a");

        var again = ev.Register(first, "a", Now);

        Assert.Equal(RegistrationChange.AlreadyConfirmed, again.Change);
        Assert.Equal((1, 0, 1L), (ev.ConfirmedCount, ev.WaitlistCount, ev.LastTicket));
    }

    [Fact]
    public void Register_NoCapacity_AlwaysConfirms()
    {
        var ev = Published(null);

        Assert.All(Enumerable.Range(0, 20), i => Assert.Equal(RegistrationChange.Confirmed, ev.Register(null, $"u{i}", Now).Change));
    }

    [Theory]
    [InlineData("closed")]
    [InlineData("not-open")]
    [InlineData("started")]
    [InlineData("cancelled")]
    [InlineData("draft")]
    [InlineData("series")]
    public void Register_WhenNotTakingRegistrations_IsRefusedWithAReason(string state)
    {
        var ev = Published(10);
        var expected = state switch
        {
            "closed" => Set(() => ev.RegistrationClosesAt = Now.AddHours(-1), "Registration has closed."),
            "not-open" => Set(() => ev.RegistrationOpensAt = Now.AddHours(1), "Registration has not opened yet."),
            "started" => Set(() => ev.StartsAt = Now.AddMinutes(-5), "This event has already started, so registration is closed."),
            "cancelled" => Set(() => ev.Status = EventStatus.Cancelled, "This event was cancelled."),
            "draft" => Set(() => ev.Status = EventStatus.Draft, "This event is not published yet."),
            _ => Set(() => ev.IsSeries = true, "Register for the sessions of this programme one by one."),
        };

        var refused = Assert.Throws<EventRuleException>(() => ev.Register(null, "a", Now));

        Assert.Equal(expected, refused.Message);
        Assert.Equal(0, ev.ConfirmedCount);
    }

    [Fact]
    public void CancelRegistration_Confirmed_PromotesTheFirstWaiting()
    {
        var ev = Published(1);
        var a = Take(ev, "a");
        var b = Take(ev, "b");

        var promoted = ev.CancelRegistration(a, b, Now);

        Assert.Same(b, promoted);
        Assert.Equal(RegistrationStatus.Confirmed, b.Status);
        Assert.Equal(RegistrationStatus.Cancelled, a.Status);
        Assert.Equal((1, 0), (ev.ConfirmedCount, ev.WaitlistCount));
    }

    [Fact]
    public void CancelRegistration_Waitlisted_PromotesNobody()
    {
        var ev = Published(1);
        Take(ev, "a");
        var b = Take(ev, "b");

        Assert.Null(ev.CancelRegistration(b, null, Now));
        Assert.Equal((1, 0), (ev.ConfirmedCount, ev.WaitlistCount));
    }

    [Fact]
    public void CancelRegistration_AfterStart_IsRefused()
    {
        var ev = Published(1);
        var a = Take(ev, "a");

        Assert.Throws<EventRuleException>(() => ev.CancelRegistration(a, null, ev.StartsAt.AddMinutes(1)));
        Assert.Equal(RegistrationStatus.Confirmed, a.Status);
    }

    [Fact]
    public void ChangeCapacity_BelowConfirmedWithoutChoice_IsRefusedAndKeepsSeats()
    {
        var ev = Published(3);
        var regs = new[] { Take(ev, "a"), Take(ev, "b"), Take(ev, "c") };

        var refused = Assert.Throws<EventRuleException>(() => ev.ChangeCapacity(1, [], [.. regs.Reverse()], false, Now));

        Assert.Contains("3 people are confirmed", refused.Message, StringComparison.Ordinal);
        Assert.Equal((3, 3), (ev.Capacity, ev.ConfirmedCount));
    }

    [Fact]
    public void ChangeCapacity_BelowConfirmedWithChoice_MovesTheLatestBackToTheWaitlist()
    {
        var ev = Published(3);
        var regs = new[] { Take(ev, "a"), Take(ev, "b"), Take(ev, "c") };

        var change = ev.ChangeCapacity(1, [], [.. regs.Reverse()], true, Now);

        Assert.Equal(["c", "b"], change.MovedToWaitlist.Select(r => r.UserId));
        Assert.Equal(RegistrationStatus.Confirmed, regs[0].Status);
        Assert.Equal((1, 2), (ev.ConfirmedCount, ev.WaitlistCount));
    }

    [Fact]
    public void ChangeCapacity_Raised_PromotesFromTheFrontOfTheWaitlist()
    {
        var ev = Published(1);
        Take(ev, "a");
        var waiting = new[] { Take(ev, "b"), Take(ev, "c"), Take(ev, "d") };

        var change = ev.ChangeCapacity(3, waiting, [], false, Now);

        Assert.Equal(["b", "c"], change.Promoted.Select(r => r.UserId));
        Assert.Equal(RegistrationStatus.Waitlisted, waiting[2].Status);
        Assert.Equal((3, 1), (ev.ConfirmedCount, ev.WaitlistCount));
    }

    [Fact]
    public void CheckIn_Waitlisted_IsRefused()
    {
        var ev = Published(1);
        Take(ev, "a");
        var b = Take(ev, "b");

        Assert.Throws<EventRuleException>(() => ev.CheckIn(b, Now));
        Assert.Null(b.CheckedInAt);
    }

    [Fact]
    public void Publish_Cancelled_IsRefused()
    {
        var ev = Published(1);
        ev.Cancel(Now);

        Assert.Throws<EventRuleException>(() => ev.Publish(Now));
        Assert.Equal(EventStatus.Cancelled, ev.Status);
    }

    [Fact]
    public void Describe_TimeMoved_SaysSoAndRaisesTheSequence()
    {
        var ev = Published(1);
        var before = ev.Sequence;
        var details = new EventDetails("Talk", "", ev.StartsAt.AddHours(1), ev.EndsAt.AddHours(1), "UTC", EventFormat.Online, null, null, 1, null, null, []);

        Assert.True(ev.Describe(details, Now));
        Assert.False(ev.Describe(details, Now));
        Assert.Equal(before + 2, ev.Sequence);
    }

    private static string Set(Action change, string message)
    {
        change();
        return message;
    }
}
