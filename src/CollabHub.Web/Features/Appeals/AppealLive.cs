using CollabHub.Web.Infrastructure.Live;

namespace CollabHub.Web.Features.Appeals;

/// <summary>Tells the appeal's live counters that its confirmed endorsements changed (after commit).</summary>
public sealed class AppealLive(ILiveEvents live)
{
    public ValueTask PublishAsync(Guid appealId, CancellationToken cancellationToken = default) =>
        live.PublishAsync(LiveTopics.Appeal(appealId), new AppealEndorsementsChanged(appealId), cancellationToken);

    public IDisposable Subscribe(Guid appealId, Func<AppealEndorsementsChanged, Task> handler) =>
        live.Subscribe(LiveTopics.Appeal(appealId), handler);
}
