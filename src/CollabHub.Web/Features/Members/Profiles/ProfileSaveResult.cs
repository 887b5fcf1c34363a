namespace CollabHub.Web.Features.Members.Profiles;

/// <summary>Whether a profile save went through; when not, the messages per field and nothing was changed.</summary>
public sealed record ProfileSaveResult(IReadOnlyDictionary<string, string> Errors)
{
    /// <summary>The key for errors about the uploaded picture.</summary>
    public const string AvatarField = "Avatar";

    public static readonly ProfileSaveResult Saved = new(new Dictionary<string, string>());

    public bool Succeeded => Errors.Count == 0;
}
