using System.ComponentModel.DataAnnotations;

namespace CollabHub.Web.Features.Appeals;

/// <summary>What a moderator fills in to create or edit an appeal.</summary>
public sealed class AppealForm
{
    [Required(ErrorMessage = "Enter a title.")]
    [StringLength(Appeal.TitleMaxLength, ErrorMessage = "The title can have at most 200 characters.")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Enter the call itself.")]
    [StringLength(Appeal.TextMaxLength, ErrorMessage = "The call can have at most 20,000 characters.")]
    public string Call { get; set; } = "";

    [Required(ErrorMessage = "Say who issued the appeal.")]
    [StringLength(Appeal.IssuedByMaxLength, ErrorMessage = "Who issued it can have at most 200 characters.")]
    public string IssuedBy { get; set; } = "";

    [StringLength(Appeal.TextMaxLength, ErrorMessage = "Why it matters can have at most 20,000 characters.")]
    public string? WhyItMatters { get; set; }

    [StringLength(Appeal.CommitmentMaxLength, ErrorMessage = "What endorsing commits to can have at most 2,000 characters.")]
    public string? Commitment { get; set; }

    [StringLength(Appeal.RelatedLinksMaxLength, ErrorMessage = "Related links can have at most 4,000 characters.")]
    public string? RelatedLinks { get; set; }

    [Required(ErrorMessage = "Choose the start date.")]
    public DateOnly? StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    [Range(1, 1_000_000_000, ErrorMessage = "The goal must be a whole number above zero.")]
    public int? Goal { get; set; }

    /// <summary>The slug of the group that leads it; empty for a site appeal (creation only).</summary>
    public string? GroupSlug { get; set; }
}
