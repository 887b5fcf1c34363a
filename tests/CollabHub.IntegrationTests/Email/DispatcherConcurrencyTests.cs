using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Infrastructure.Data;
using CollabHub.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Email;

/// <summary>
/// Several instances, and instances stopping, must neither lose nor double a mail. These tests start their own app
/// instances (never the fixture's) so they control exactly which dispatchers run.
/// </summary>
public sealed class DispatcherConcurrencyTests(MailAppFixture fixture) : IClassFixture<MailAppFixture>
{
    private static readonly Dictionary<string, string?> SmallBatches = new() { ["Email:Dispatcher:BatchSize"] = "3" };

    [Fact]
    public async Task ThreeInstancesDispatchingOneOutbox_DeliverEveryMailExactlyOnce()
    {
        fixture.Smtp.AcceptDelay = TimeSpan.FromMilliseconds(10);
        await using var first = fixture.NewApp(SmallBatches);
        await using var second = fixture.NewApp(SmallBatches);
        await using var third = fixture.NewApp(SmallBatches);
        _ = (first.Services, second.Services, third.Services); // start all three dispatchers

        var queued = await fixture.EnqueueAsync(first, Enumerable.Range(1, 60)
            .Select(i => (new EmailRecipient($"race-{i}-{Guid.NewGuid():N}@example.org"), MailAppFixture.Simple($"Race {i}"))));

        await Eventually.WaitAsync(
            async () => (await fixture.RowsAsync(queued.Select(e => e.Id))).All(e => e.Status == OutboxEmailStatus.Sent),
            "all 60 mails to be sent", TimeSpan.FromSeconds(60));
        var received = fixture.Smtp.ReceivedMessageIds.GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(queued, e => Assert.Equal(1, received.GetValueOrDefault(e.MessageId)));
        Assert.All(await fixture.RowsAsync(queued.Select(e => e.Id)), e => Assert.Equal(1, e.Attempts));
    }

    [Fact]
    public async Task DispatcherStoppedMidBatch_HandsBackTheRest_AndAnotherInstanceDeliversEachMailOnce()
    {
        fixture.Smtp.AcceptDelay = TimeSpan.FromMilliseconds(150);
        var settings = new Dictionary<string, string?> { ["Email:Dispatcher:BatchSize"] = "10" };
        var stopping = fixture.NewApp(settings);
        var queued = await fixture.EnqueueAsync(stopping, Enumerable.Range(1, 10)
            .Select(i => (new EmailRecipient($"halt-{i}-{Guid.NewGuid():N}@example.org"), MailAppFixture.Simple($"Halt {i}"))));
        var ids = queued.Select(e => e.Id).ToList();
        var messageIds = queued.Select(e => e.MessageId).ToHashSet();

        await Eventually.WaitAsync(() => fixture.Smtp.ReceivedMessageIds.Count(messageIds.Contains) >= 2, "the batch to be under way");
        await stopping.DisposeAsync();

        var afterStop = await fixture.RowsAsync(ids);
        Assert.DoesNotContain(afterStop, e => e.Status == OutboxEmailStatus.Sending); // nothing stranded under a lease
        Assert.Contains(afterStop, e => e.Status == OutboxEmailStatus.Pending);     // it really stopped mid-batch
        var sentSoFar = afterStop.Where(e => e.Status == OutboxEmailStatus.Sent).Select(e => e.MessageId).ToHashSet();
        Assert.Equal(sentSoFar, fixture.Smtp.ReceivedMessageIds.Where(messageIds.Contains).ToHashSet());

        fixture.Smtp.AcceptDelay = TimeSpan.Zero;
        await using var successor = fixture.NewApp(settings);
        _ = successor.Services;
        await Eventually.WaitAsync(async () => (await fixture.RowsAsync(ids)).All(e => e.Status == OutboxEmailStatus.Sent), "the successor to send the rest");

        var received = fixture.Smtp.ReceivedMessageIds.Where(messageIds.Contains).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(10, received.Count);
        Assert.All(received, pair => Assert.Equal(1, pair.Value));
    }

    [Fact]
    public async Task MailPastItsMaximumAge_IsNeverClaimedForSending_EvenWhenItAppearsAfterTheExpiryPass()
    {
        // No dispatcher runs on this instance: the test plays a round whose expiry pass ran before these rows appeared.
        await using var app = fixture.NewApp(new Dictionary<string, string?> { ["Email:Dispatcher:Enabled"] = "false" });
        var outbox = (EmailOutbox)app.Services.GetRequiredService<IEmailOutbox>();
        var now = DateTimeOffset.UtcNow;
        var pending = outbox.Create(new EmailRecipient($"late-{Guid.NewGuid():N}@example.org"), MailAppFixture.Simple("Too late, pending"));
        var abandoned = outbox.Create(new EmailRecipient($"late-{Guid.NewGuid():N}@example.org"), MailAppFixture.Simple("Too late, lease lapsed"));
        var fresh = outbox.Create(new EmailRecipient($"fresh-{Guid.NewGuid():N}@example.org"), MailAppFixture.Simple("In time"));
        foreach (var stale in new[] { pending, abandoned })
        {
            stale.CreatedAt = now.AddHours(-25);
            stale.ExpiresAt = now.AddSeconds(-1);
            stale.NextAttemptAt = now.AddMinutes(-1);
        }

        abandoned.Status = OutboxEmailStatus.Sending;
        abandoned.LockedUntil = now.AddMinutes(-1);
        fresh.NextAttemptAt = now.AddMinutes(-1);
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            db.OutboxEmails.AddRange(pending, abandoned, fresh);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var store = app.Services.GetRequiredService<OutboxStore>();
        var claimed = await store.ClaimAsync(now, now.AddMinutes(5), 100, TestContext.Current.CancellationToken);

        Assert.Contains(claimed, e => e.Id == fresh.Id);
        Assert.DoesNotContain(claimed, e => e.Id == pending.Id || e.Id == abandoned.Id);
        Assert.Equal(2, await store.ExpireAsync(now, "Not delivered within 24 hours.", TestContext.Current.CancellationToken));
        var rows = await fixture.RowsAsync([pending.Id, abandoned.Id]);
        Assert.All(rows, e => Assert.Equal(OutboxEmailStatus.Dead, e.Status));
        Assert.Empty(fixture.Smtp.ReceivedBy(pending.ToAddress));
        Assert.Empty(fixture.Smtp.ReceivedBy(abandoned.ToAddress));
        foreach (var email in claimed)
        {
            await store.ReleaseAsync(email, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task MailCommittedInTheCallersTransaction_WakesTheDispatcherAtCommit_WithoutWaitingForThePoll()
    {
        fixture.Smtp.AcceptDelay = TimeSpan.Zero;
        // Half an hour between polls: only the commit signal can deliver within the test's time box.
        await using var sleepy = fixture.NewApp(new Dictionary<string, string?> { ["Email:Dispatcher:PollInterval"] = "00:30:00" });
        var warmUp = $"warm-{Guid.NewGuid():N}@example.org";
        await fixture.EnqueueAsync(sleepy, [(new EmailRecipient(warmUp), MailAppFixture.Simple("Warm-up"))]);
        await Eventually.WaitAsync(() => fixture.Smtp.ReceivedBy(warmUp).Count == 1, "the warm-up mail");

        var address = $"committed-{Guid.NewGuid():N}@example.org";
        var rolledBack = $"rolled-back-{Guid.NewGuid():N}@example.org";
        var outbox = sleepy.Services.GetRequiredService<IEmailOutbox>();
        var contexts = sleepy.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            await using var abandoned = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
            outbox.Enqueue(db, new EmailRecipient(rolledBack), MailAppFixture.Simple("Never sent"));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            await abandoned.RollbackAsync(TestContext.Current.CancellationToken);
        }

        await using (var db = await contexts.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
            outbox.Enqueue(db, new EmailRecipient(address), MailAppFixture.Simple("Committed with its change"));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            await transaction.CommitAsync(TestContext.Current.CancellationToken);
        }

        await Eventually.WaitAsync(() => fixture.Smtp.ReceivedBy(address).Count == 1, "the committed mail, woken by the commit", TimeSpan.FromSeconds(10));
        Assert.Empty(fixture.Smtp.ReceivedBy(rolledBack));
    }
}
