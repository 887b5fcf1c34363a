namespace CollabHub.Web.Infrastructure;

/// <summary>Where local state (the private database cluster, written mail, uploads) lives on a developer's machine.</summary>
public static class AppPaths
{
    public const string DataFolderName = ".data";

    /// <summary>
    /// The checkout's <c>.data/</c> folder: beside <c>CollabHub.sln</c> when the app runs from a checkout,
    /// else beside the app's content root. Setting <c>CollabHub:DataDirectory</c> overrides it.
    /// </summary>
    public static string DataRoot(string contentRoot, string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CollabHub.sln")))
            {
                return Path.Combine(dir.FullName, DataFolderName);
            }
        }

        return Path.Combine(contentRoot, DataFolderName);
    }
}
