namespace CollabHub.Web.Features.Library;

/// <summary>Readable names for <see cref="ResourceType"/> (English keys for the localizer).</summary>
public static class ResourceTypes
{
    public static string Label(ResourceType type) => type switch
    {
        ResourceType.PolicyBrief => "Policy brief",
        ResourceType.GuidanceNote => "Guidance note",
        ResourceType.Report => "Report",
        ResourceType.Toolkit => "Toolkit",
        ResourceType.Video => "Video",
        ResourceType.Dataset => "Dataset",
        ResourceType.Article => "Article",
        ResourceType.TrainingMaterial => "Training material",
        ResourceType.Other => "Other",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static string Label(ResourceStatus status) => status switch
    {
        ResourceStatus.Pending => "Awaiting review",
        ResourceStatus.ChangesRequested => "Changes requested",
        ResourceStatus.Approved => "Published",
        ResourceStatus.Rejected => "Rejected",
        ResourceStatus.Archived => "Archived",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string Label(ResourceAction action) => action switch
    {
        ResourceAction.Submitted => "submitted it",
        ResourceAction.Edited => "edited it",
        ResourceAction.Resubmitted => "edited and resubmitted it",
        ResourceAction.Approved => "approved it",
        ResourceAction.ChangesRequested => "asked for changes",
        ResourceAction.Rejected => "rejected it",
        ResourceAction.Featured => "featured it",
        ResourceAction.Unfeatured => "stopped featuring it",
        ResourceAction.Archived => "archived it",
        ResourceAction.Restored => "restored it",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };
}
