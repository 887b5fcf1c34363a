using QRCoder;

namespace CollabHub.Web.Components.Account;

/// <summary>
/// The authenticator set-up link as an inline SVG QR code: drawn on the server, so it needs no script (the CSP
/// allows none inline) and works on slow links.
/// </summary>
public static class AuthenticatorQrCode
{
    public static string Svg(string otpauthUri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(otpauthUri, QRCodeGenerator.ECCLevel.Q);
        using var svg = new SvgQRCode(data);
        return svg.GetGraphic(new System.Drawing.Size(224, 224), "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
