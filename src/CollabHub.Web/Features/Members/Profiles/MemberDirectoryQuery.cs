namespace CollabHub.Web.Features.Members.Profiles;

/// <summary>What the directory was asked for: free text, an organisation code, and a 1-based page.</summary>
public sealed record MemberDirectoryQuery(string? Search, string? Organisation, int Page)
{
    public const int SearchMaxLength = 100;
    public const int PageSize = 24;
}
