namespace CollabHub.Web.Infrastructure.Images;

/// <summary>An uploaded picture that cannot be used; the message is written for the member who sent it.</summary>
public sealed class ImageRejectedException(string message) : Exception(message);
