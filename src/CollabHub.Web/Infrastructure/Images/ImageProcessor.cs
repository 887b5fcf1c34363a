using SkiaSharp;

namespace CollabHub.Web.Infrastructure.Images;

/// <summary>
/// Turns an uploaded picture into a WebP of a fixed size (the centred part that fills it). The content decides what
/// it is (magic bytes and the decoder, never the file name); the pixel count is checked from the header before
/// anything is decoded; EXIF orientation is applied; and re-encoding from pixels leaves every byte of metadata (GPS,
/// camera, names) behind. Each use (avatars, group covers) is a subclass that names its size.
/// </summary>
public abstract class ImageProcessor(int outputWidth, int outputHeight)
{
    public const long MaxUploadBytes = 5 * 1024 * 1024;
    public const long MaxPixels = 40_000_000;
    public const string OutputContentType = "image/webp";

    public const string NotAnImageMessage = "That file is not a PNG, JPEG or WebP image.";
    public const string TooLargeMessage = "That image is larger than 5 MB. Please choose a smaller file.";
    public const string TooManyPixelsMessage = "That image has more than 40 megapixels. Please choose a smaller image.";
    public const string UnreadableMessage = "That image could not be read; the file may be damaged.";
    public const string EmptyMessage = "That file is empty.";

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    // A 40-megapixel PNG decodes to 160 MB; two at a time, across every kind of upload in the process, keeps a
    // burst of uploads from exhausting memory.
    private static readonly SemaphoreSlim DecodeGate = new(2, 2);

    public int OutputWidth { get; } = outputWidth;

    public int OutputHeight { get; } = outputHeight;

    /// <summary>Reads at most <see cref="MaxUploadBytes"/> (plus one, to notice more) and re-encodes.</summary>
    public async Task<ProcessedImage> ProcessAsync(Stream upload, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await upload.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxUploadBytes)
            {
                throw new ImageRejectedException(TooLargeMessage);
            }
        }

        await DecodeGate.WaitAsync(cancellationToken);
        try
        {
            return Process(buffer.ToArray());
        }
        finally
        {
            DecodeGate.Release();
        }
    }

    public ProcessedImage Process(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            throw new ImageRejectedException(EmptyMessage);
        }

        if (bytes.Length > MaxUploadBytes)
        {
            throw new ImageRejectedException(TooLargeMessage);
        }

        var sniffed = Sniff(bytes) ?? throw new ImageRejectedException(NotAnImageMessage);

        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data) ?? throw new ImageRejectedException(UnreadableMessage);
        if (codec.EncodedFormat != sniffed)
        {
            throw new ImageRejectedException(NotAnImageMessage);
        }

        var width = codec.Info.Width;
        var height = codec.Info.Height;
        if (width <= 0 || height <= 0)
        {
            throw new ImageRejectedException(UnreadableMessage);
        }

        if ((long)width * height > MaxPixels)
        {
            throw new ImageRejectedException(TooManyPixelsMessage);
        }

        using var bitmap = Decode(codec);
        return Encode(bitmap, codec.EncodedOrigin);
    }

    /// <summary>What the first bytes say the file is; null for anything but PNG, JPEG and WebP.</summary>
    internal static SKEncodedImageFormat? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(PngSignature))
        {
            return SKEncodedImageFormat.Png;
        }

        if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF)
        {
            return SKEncodedImageFormat.Jpeg;
        }

        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return SKEncodedImageFormat.Webp;
        }

        return null;
    }

    /// <summary>
    /// Decodes at the smallest size the codec offers that still covers the output (JPEG decodes at 1/2, 1/4, 1/8).
    /// </summary>
    private SKBitmap Decode(SKCodec codec)
    {
        var size = codec.Info.Size;
        var (_, uprightWidth, uprightHeight) = Orientation(codec.EncodedOrigin, size.Width, size.Height);
        var scale = CoverScale(uprightWidth, uprightHeight);
        if (scale < 1)
        {
            var scaled = codec.GetScaledDimensions(scale);
            if (scaled.Width >= Math.Ceiling(size.Width * scale) && scaled.Height >= Math.Ceiling(size.Height * scale))
            {
                size = scaled;
            }
        }

        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            bitmap.Dispose();
            throw new ImageRejectedException(UnreadableMessage);
        }

        return bitmap;
    }

    private ProcessedImage Encode(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        var (orient, uprightWidth, uprightHeight) = Orientation(origin, bitmap.Width, bitmap.Height);
        var scale = CoverScale(uprightWidth, uprightHeight);

        using var surface = SKSurface.Create(new SKImageInfo(OutputWidth, OutputHeight, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("Could not allocate the image surface.");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.Transparent);
        // Scale the upright picture until it fills the output, and keep its centre.
        canvas.Scale(scale);
        canvas.Translate(-(uprightWidth - (OutputWidth / scale)) / 2f, -(uprightHeight - (OutputHeight / scale)) / 2f);
        canvas.Concat(orient);
        using (var image = SKImage.FromBitmap(bitmap))
        {
            canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear), null);
        }

        canvas.Flush();
        using var snapshot = surface.Snapshot();
        using var encoded = snapshot.Encode(SKEncodedImageFormat.Webp, 85)
            ?? throw new InvalidOperationException("The WebP encoder produced nothing.");
        return new ProcessedImage(encoded.ToArray(), OutputContentType, OutputWidth, OutputHeight);
    }

    /// <summary>The factor that makes an upright picture of this size just fill the output in both directions.</summary>
    private float CoverScale(int uprightWidth, int uprightHeight) =>
        Math.Max((float)OutputWidth / uprightWidth, (float)OutputHeight / uprightHeight);

    /// <summary>The transform that draws the stored pixels upright, per the EXIF orientation tag, and the upright size.</summary>
    internal static (SKMatrix Matrix, int Width, int Height) Orientation(SKEncodedOrigin origin, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopLeft => (SKMatrix.Identity, w, h),
        SKEncodedOrigin.TopRight => (Matrix(-1, 0, w, 0, 1, 0), w, h),
        SKEncodedOrigin.BottomRight => (Matrix(-1, 0, w, 0, -1, h), w, h),
        SKEncodedOrigin.BottomLeft => (Matrix(1, 0, 0, 0, -1, h), w, h),
        SKEncodedOrigin.LeftTop => (Matrix(0, 1, 0, 1, 0, 0), h, w),
        SKEncodedOrigin.RightTop => (Matrix(0, -1, h, 1, 0, 0), h, w),
        SKEncodedOrigin.RightBottom => (Matrix(0, -1, h, -1, 0, w), h, w),
        SKEncodedOrigin.LeftBottom => (Matrix(0, 1, 0, -1, 0, w), h, w),
        _ => (SKMatrix.Identity, w, h),
    };

    private static SKMatrix Matrix(float scaleX, float skewX, float transX, float skewY, float scaleY, float transY) =>
        new(scaleX, skewX, transX, skewY, scaleY, transY, 0, 0, 1);
}
