namespace CollabHub.Web.Infrastructure.Images;

/// <summary>A re-encoded picture ready to store and serve.</summary>
public sealed record ProcessedImage(byte[] Content, string ContentType, int Width, int Height);
