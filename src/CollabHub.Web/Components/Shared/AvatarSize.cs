namespace CollabHub.Web.Components.Shared;

/// <summary>The avatar sizes the layout uses, in CSS pixels.</summary>
public enum AvatarSize
{
    Small = 32,
    Medium = 48,
    Large = 128,
}
