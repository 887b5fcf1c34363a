namespace CollabHub.Web.Features.Library;

/// <summary>The kinds of resource the library holds. Stored by name.</summary>
public enum ResourceType
{
    PolicyBrief,
    GuidanceNote,
    Report,
    Toolkit,
    Video,
    Dataset,
    Article,
    TrainingMaterial,
    Other,
}
