namespace CollabHub.Web.Features.Members;

/// <summary>
/// What an account holds in one feature, let go through that feature's own rules before the account is deleted, so
/// that what others see stays true: a group's member count, an event's seats and waitlist. Deleting the account row
/// alone would only cascade the rows away and leave the counts and queues behind.
/// </summary>
public interface IAccountLeaving
{
    /// <summary>Why the account cannot be deleted yet (something only its owner can hand over), or null.</summary>
    Task<string?> BlockerAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Lets go of what the account holds, as if the member had done it themselves; or says why it could not.</summary>
    Task<string?> LeaveAsync(string userId, CancellationToken cancellationToken);
}
