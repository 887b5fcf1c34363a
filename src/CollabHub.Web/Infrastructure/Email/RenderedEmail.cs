namespace CollabHub.Web.Infrastructure.Email;

/// <summary>A mail in its final form: the subject line and the two bodies of its multipart/alternative.</summary>
public sealed record RenderedEmail(string Subject, string Html, string Text);
