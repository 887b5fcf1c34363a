using CollabHub.Web.Infrastructure.Images;

namespace CollabHub.Web.Features.Members.Profiles;

/// <summary>Member pictures: a 256×256 WebP of the centred square, without metadata.</summary>
public sealed class AvatarImageProcessor() : ImageProcessor(OutputSize, OutputSize)
{
    public const int OutputSize = 256;
}
