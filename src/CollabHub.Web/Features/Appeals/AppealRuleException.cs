namespace CollabHub.Web.Features.Appeals;

/// <summary>An appeal's rule said no; the message is one sentence for the person who asked, and nothing changed.</summary>
public sealed class AppealRuleException(string message) : Exception(message);
