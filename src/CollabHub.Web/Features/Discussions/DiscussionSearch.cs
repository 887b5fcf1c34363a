namespace CollabHub.Web.Features.Discussions;

/// <summary>
/// How discussions are indexed for full-text search. The <c>simple</c> configuration lower-cases and splits words
/// without stemming or English stop words: members write in the six UN languages and many more, and the English
/// stemmer would mangle French or Spanish words while dropping words that matter in them. Prefix matching of each
/// word the reader types (see <see cref="DiscussionSearchQuery"/>) makes up for the lack of stemming.
/// </summary>
public static class DiscussionSearch
{
    public const string Configuration = "simple";

    /// <summary>The shadow property (and column) holding each row's generated <c>tsvector</c>.</summary>
    public const string VectorProperty = "SearchVector";

    /// <summary>Titles weigh A, bodies B, so a thread named after the words ranks above one that only mentions them.</summary>
    public const string ThreadVectorSql = $"setweight(to_tsvector('{Configuration}', title), 'A')";

    public const string PostVectorSql = $"setweight(to_tsvector('{Configuration}', body), 'B')";
}
