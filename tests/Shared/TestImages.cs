using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace CollabHub.TestSupport;

/// <summary>Real images made in the test: solid regions to check orientation and cropping, and JPEGs carrying EXIF (GPS, orientation).</summary>
public static class TestImages
{
    /// <summary>The text hidden in the EXIF ImageDescription: if it survives re-encoding, metadata leaked.</summary>
    public const string ExifMarker = "COLLABHUB-EXIF-MARKER";

    /// <summary>An image whose left half is <paramref name="left"/> and right half <paramref name="right"/>.</summary>
    public static byte[] Halves(int width, int height, SKColor left, SKColor right, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var paint = new SKPaint { Color = left };
            canvas.DrawRect(0, 0, width / 2f, height, paint);
            paint.Color = right;
            canvas.DrawRect(width / 2f, 0, width - (width / 2f), height, paint);
        }

        return Encode(bitmap, format);
    }

    /// <summary>A landscape image: a centre square of <paramref name="centre"/> between two side bands of <paramref name="sides"/>.</summary>
    public static byte[] CentreSquare(int side, SKColor centre, SKColor sides, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(side * 3, side);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(sides);
            using var paint = new SKPaint { Color = centre };
            canvas.DrawRect(side, 0, side, side, paint);
        }

        return Encode(bitmap, format);
    }

    public static byte[] Solid(int width, int height, SKColor colour, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(colour);
        return Encode(bitmap, format);
    }

    /// <summary>
    /// Inserts an EXIF APP1 segment into a JPEG: orientation, an ImageDescription holding <see cref="ExifMarker"/>, and
    /// a GPS block placing the photo in Geneva.
    /// </summary>
    public static byte[] WithExif(byte[] jpeg, ushort orientation)
    {
        var tiff = ExifTiff(orientation);
        var app1 = new byte[4 + 6 + tiff.Length];
        app1[0] = 0xFF;
        app1[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(app1.AsSpan(2), (ushort)(app1.Length - 2));
        "Exif\0\0"u8.CopyTo(app1.AsSpan(4));
        tiff.CopyTo(app1, 10);

        // After SOI, and after a JFIF APP0 segment when there is one.
        var insertAt = 2;
        if (jpeg[2] == 0xFF && jpeg[3] == 0xE0)
        {
            insertAt = 4 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(4));
        }

        return [.. jpeg.AsSpan(0, insertAt), .. app1, .. jpeg.AsSpan(insertAt)];
    }

    /// <summary>A real JPEG whose frame header claims <paramref name="width"/>×<paramref name="height"/> pixels.</summary>
    public static byte[] JpegClaimingSize(int width, int height)
    {
        var jpeg = Solid(16, 16, SKColors.Gray, SKEncodedImageFormat.Jpeg);
        for (var i = 2; i < jpeg.Length - 9; i++)
        {
            if (jpeg[i] == 0xFF && jpeg[i + 1] is 0xC0 or 0xC2)
            {
                BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(i + 5), (ushort)height);
                BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(i + 7), (ushort)width);
                return jpeg;
            }
        }

        throw new InvalidOperationException("No frame header found in the JPEG.");
    }

    public static bool Contains(byte[] haystack, string text) => haystack.AsSpan().IndexOf(Encoding.ASCII.GetBytes(text)) >= 0;

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 95) ?? throw new InvalidOperationException($"Could not encode {format}.");
        return data.ToArray();
    }

    private static byte[] ExifTiff(ushort orientation)
    {
        var description = Encoding.ASCII.GetBytes(ExifMarker + "\0");
        const int ifd0Offset = 8;
        const int ifd0Size = 2 + (3 * 12) + 4;
        var descriptionOffset = ifd0Offset + ifd0Size;
        var gpsOffset = descriptionOffset + description.Length + (description.Length % 2);
        const int gpsSize = 2 + (4 * 12) + 4;
        var latitudeOffset = gpsOffset + gpsSize;
        var longitudeOffset = latitudeOffset + 24;
        var tiff = new byte[longitudeOffset + 24];
        var span = tiff.AsSpan();

        "II"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], 42);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], ifd0Offset);

        var at = ifd0Offset;
        BinaryPrimitives.WriteUInt16LittleEndian(span[at..], 3);
        at += 2;
        at = Entry(span, at, 0x010E, 2, (uint)description.Length, (uint)descriptionOffset);  // ImageDescription, ASCII
        at = Entry(span, at, 0x0112, 3, 1, orientation);                                     // Orientation, SHORT
        at = Entry(span, at, 0x8825, 4, 1, (uint)gpsOffset);                                 // GPS IFD pointer, LONG
        BinaryPrimitives.WriteUInt32LittleEndian(span[at..], 0);
        description.CopyTo(span[descriptionOffset..]);

        at = gpsOffset;
        BinaryPrimitives.WriteUInt16LittleEndian(span[at..], 4);
        at += 2;
        at = Entry(span, at, 0x0001, 2, 2, 'N');                      // GPSLatitudeRef "N"
        at = Entry(span, at, 0x0002, 5, 3, (uint)latitudeOffset);     // GPSLatitude
        at = Entry(span, at, 0x0003, 2, 2, 'E');                      // GPSLongitudeRef "E"
        at = Entry(span, at, 0x0004, 5, 3, (uint)longitudeOffset);    // GPSLongitude
        BinaryPrimitives.WriteUInt32LittleEndian(span[at..], 0);

        Rationals(span[latitudeOffset..], 46, 13, 5);   // 46°13'5" N
        Rationals(span[longitudeOffset..], 6, 8, 35);   // 6°8'35" E: the Palais des Nations
        return tiff;
    }

    private static int Entry(Span<byte> span, int at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(span[at..], tag);
        BinaryPrimitives.WriteUInt16LittleEndian(span[(at + 2)..], type);
        BinaryPrimitives.WriteUInt32LittleEndian(span[(at + 4)..], count);
        if (type == 3)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(span[(at + 8)..], (ushort)value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span[(at + 8)..], value);
        }

        return at + 12;
    }

    private static void Rationals(Span<byte> span, uint degrees, uint minutes, uint seconds)
    {
        uint[] values = [degrees, 1, minutes, 1, seconds, 1];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span[(i * 4)..], values[i]);
        }
    }
}
