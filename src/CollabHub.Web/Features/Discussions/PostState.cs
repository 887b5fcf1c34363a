namespace CollabHub.Web.Features.Discussions;

public enum PostState
{
    Visible,
    DeletedByAuthor,
    HiddenByModerator,
}
