namespace CollabHub.Web.Features.Events;

/// <summary>An event rule said no; the message is one sentence for the person who asked, and nothing changed.</summary>
public sealed class EventRuleException(string message) : Exception(message);
