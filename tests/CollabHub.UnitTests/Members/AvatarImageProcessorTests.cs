using System.Text;
using CollabHub.TestSupport;
using CollabHub.Web.Features.Members.Profiles;
using CollabHub.Web.Infrastructure.Images;
using SkiaSharp;

namespace CollabHub.UnitTests.Members;

public sealed class AvatarImageProcessorTests
{
    private readonly AvatarImageProcessor processor = new();

    [Fact]
    public void Process_JpegWithGpsExif_ReturnsSquareWebPWithoutAnyExif()
    {
        var jpeg = TestImages.WithExif(TestImages.Solid(640, 480, SKColors.SteelBlue, SKEncodedImageFormat.Jpeg), orientation: 1);
        Assert.True(TestImages.Contains(jpeg, TestImages.ExifMarker));
        Assert.True(TestImages.Contains(jpeg, "Exif"));

        var avatar = processor.Process(jpeg);

        Assert.Equal("image/webp", avatar.ContentType);
        Assert.Equal("RIFF", Encoding.ASCII.GetString(avatar.Content, 0, 4));
        Assert.Equal("WEBP", Encoding.ASCII.GetString(avatar.Content, 8, 4));
        Assert.False(TestImages.Contains(avatar.Content, TestImages.ExifMarker));
        Assert.False(TestImages.Contains(avatar.Content, "Exif"));
        Assert.False(TestImages.Contains(avatar.Content, "EXIF"));
        Assert.False(TestImages.Contains(avatar.Content, "XMP "));
        using var codec = SKCodec.Create(SKData.CreateCopy(avatar.Content));
        Assert.Equal(new SKSizeI(256, 256), codec.Info.Size);
        Assert.Equal(SKEncodedOrigin.TopLeft, codec.EncodedOrigin);
    }

    [Fact]
    public void Process_ExifOrientationRotated_StandsThePictureUpright()
    {
        // Stored sideways: left half red, right half blue. Orientation 6 says "rotate 90° clockwise to view",
        // which puts the stored left edge at the top.
        var stored = TestImages.Halves(400, 200, SKColors.Red, SKColors.Blue, SKEncodedImageFormat.Jpeg);
        var jpeg = TestImages.WithExif(stored, orientation: 6);
        using (var input = SKCodec.Create(SKData.CreateCopy(jpeg)))
        {
            Assert.Equal(SKEncodedOrigin.RightTop, input.EncodedOrigin);
        }

        var avatar = processor.Process(jpeg);

        using var bitmap = SKBitmap.Decode(avatar.Content);
        AssertColour(SKColors.Red, bitmap.GetPixel(128, 20));
        AssertColour(SKColors.Blue, bitmap.GetPixel(128, 235));
    }

    [Fact]
    public void Process_Landscape_KeepsTheCentredSquare()
    {
        var png = TestImages.CentreSquare(300, SKColors.Green, SKColors.Red, SKEncodedImageFormat.Png);

        var avatar = processor.Process(png);

        using var bitmap = SKBitmap.Decode(avatar.Content);
        Assert.Equal(256, bitmap.Width);
        AssertColour(SKColors.Green, bitmap.GetPixel(4, 128));
        AssertColour(SKColors.Green, bitmap.GetPixel(251, 128));
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Png)]
    [InlineData(SKEncodedImageFormat.Jpeg)]
    [InlineData(SKEncodedImageFormat.Webp)]
    public void Process_EachAcceptedFormat_BecomesA256SquareWebP(SKEncodedImageFormat format)
    {
        var avatar = processor.Process(TestImages.Solid(1200, 900, SKColors.Orange, format));

        using var bitmap = SKBitmap.Decode(avatar.Content);
        Assert.Equal((256, 256), (bitmap.Width, bitmap.Height));
        AssertColour(SKColors.Orange, bitmap.GetPixel(128, 128));
    }

    [Fact]
    public void Process_TextFileNamedPng_IsRefusedAsNotAnImage()
    {
        var text = Encoding.UTF8.GetBytes("This is my CV, saved as photo.png by mistake.\n");

        var error = Assert.Throws<ImageRejectedException>(() => processor.Process(text));

        Assert.Equal("That file is not a PNG, JPEG or WebP image.", error.Message);
    }

    [Fact]
    public void Process_GifOrSvg_IsRefusedAsNotAnImage()
    {
        Assert.Throws<ImageRejectedException>(() => processor.Process("GIF89a\u0001\u0000\u0001\u0000"u8.ToArray()));
        var svg = Assert.Throws<ImageRejectedException>(() => processor.Process("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"u8.ToArray()));
        Assert.Equal(AvatarImageProcessor.NotAnImageMessage, svg.Message);
    }

    [Fact]
    public void Process_HeaderClaimingTooManyPixels_IsRefusedBeforeDecoding()
    {
        var jpeg = TestImages.JpegClaimingSize(8000, 6000); // 48 megapixels

        var error = Assert.Throws<ImageRejectedException>(() => processor.Process(jpeg));

        Assert.Equal(AvatarImageProcessor.TooManyPixelsMessage, error.Message);
    }

    [Fact]
    public void Process_ImageSignatureFollowedByGarbage_IsRefusedAsUnreadable()
    {
        byte[] broken = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Encoding.ASCII.GetBytes("not really a png at all")];

        var error = Assert.Throws<ImageRejectedException>(() => processor.Process(broken));

        Assert.Equal(AvatarImageProcessor.UnreadableMessage, error.Message);
    }

    [Fact]
    public async Task ProcessAsync_StreamOverFiveMegabytes_IsRefusedWithoutReadingItAll()
    {
        var stream = new CountingStream(AvatarImageProcessor.MaxUploadBytes * 4);

        var error = await Assert.ThrowsAsync<ImageRejectedException>(() => processor.ProcessAsync(stream, TestContext.Current.CancellationToken));

        Assert.Equal(AvatarImageProcessor.TooLargeMessage, error.Message);
        Assert.True(stream.Position < AvatarImageProcessor.MaxUploadBytes + (1024 * 1024));
    }

    [Fact]
    public void Process_EmptyFile_IsRefused() =>
        Assert.Equal(AvatarImageProcessor.EmptyMessage, Assert.Throws<ImageRejectedException>(() => processor.Process([])).Message);

    private static void AssertColour(SKColor expected, SKColor actual)
    {
        // Lossy encoders shift colours a little; a wrong region is far off.
        Assert.True(
            Math.Abs(expected.Red - actual.Red) < 40 && Math.Abs(expected.Green - actual.Green) < 40 && Math.Abs(expected.Blue - actual.Blue) < 40,
            $"Expected about {expected}, got {actual}.");
    }

    /// <summary>An endless PNG-looking stream that records how far it was read.</summary>
    private sealed class CountingStream(long length) : Stream
    {
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - position);
            Array.Clear(buffer, offset, n);
            position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
