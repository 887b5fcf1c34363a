using CollabHub.Web.Infrastructure.Images;

namespace CollabHub.Web.Features.Groups;

/// <summary>Group covers: a 1200×400 WebP of the picture's centre, without metadata.</summary>
public sealed class CoverImageProcessor() : ImageProcessor(Width, Height)
{
    public const int Width = 1200;
    public const int Height = 400;
}
