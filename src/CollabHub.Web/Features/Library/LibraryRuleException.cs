namespace CollabHub.Web.Features.Library;

/// <summary>A library rule refused an action; the message is one sentence a member can read.</summary>
public sealed class LibraryRuleException(string message) : Exception(message);
