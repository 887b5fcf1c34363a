namespace CollabHub.Web.Features.Admin.Audit;

/// <summary>
/// Which audit entries to list: one action code, one subject account, and/or text found in the subject's copied
/// display (name or e-mail). Empty values do not filter.
/// </summary>
public sealed record AuditFilter(string? Action = null, string? SubjectUserId = null, string? SubjectText = null);
