namespace CollabHub.Web.Features.Members.Profiles;

/// <summary>A UN system entity a member can work for: the acronym colleagues use, and its full name.</summary>
public sealed record UnOrganisation(string Code, string Name, UnOrganisationCategory Category)
{
    /// <summary>"UNDP — United Nations Development Programme", or just the name when it is its own acronym.</summary>
    public string Label => string.Equals(Code, Name, StringComparison.Ordinal) ? Name : $"{Code} — {Name}";
}
