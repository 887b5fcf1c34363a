namespace CollabHub.Web.Features.Groups;

/// <summary>A group rule refused an action; the message is written for the person who tried it, and nothing changed.</summary>
public sealed class GroupRuleException(string message) : Exception(message);
