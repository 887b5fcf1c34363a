using CollabHub.TestSupport;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Infrastructure.Images;
using SkiaSharp;

namespace CollabHub.UnitTests.Groups;

public sealed class CoverImageProcessorTests
{
    private readonly CoverImageProcessor processor = new();

    [Fact]
    public void Process_Photo_BecomesA1200By400WebPWithoutExif()
    {
        var jpeg = TestImages.WithExif(TestImages.Solid(1600, 1200, SKColors.Teal, SKEncodedImageFormat.Jpeg), orientation: 1);

        var cover = processor.Process(jpeg);

        Assert.Equal("image/webp", cover.ContentType);
        Assert.False(TestImages.Contains(cover.Content, TestImages.ExifMarker));
        using var bitmap = SKBitmap.Decode(cover.Content);
        Assert.Equal((1200, 400), (bitmap.Width, bitmap.Height));
    }

    [Fact]
    public void Process_TallPicture_KeepsItsMiddleBand()
    {
        // A portrait picture: red on top, blue below. The wide crop takes the middle, where the two meet.
        using var source = new SKBitmap(600, 1800);
        using (var canvas = new SKCanvas(source))
        {
            canvas.Clear(SKColors.Red);
            using var paint = new SKPaint { Color = SKColors.Blue };
            canvas.DrawRect(0, 900, 600, 900, paint);
        }

        using var data = source.Encode(SKEncodedImageFormat.Png, 100);
        var cover = processor.Process(data.ToArray());

        using var bitmap = SKBitmap.Decode(cover.Content);
        Assert.True(bitmap.GetPixel(600, 20).Red > 200);
        Assert.True(bitmap.GetPixel(600, 380).Blue > 200);
    }

    [Fact]
    public void Process_TextNamedPng_IsRefusedAsNotAnImage() =>
        Assert.Equal(ImageProcessor.NotAnImageMessage, Assert.Throws<ImageRejectedException>(() => processor.Process("hello"u8.ToArray())).Message);
}
