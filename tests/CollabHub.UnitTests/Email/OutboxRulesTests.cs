using CollabHub.Web.Infrastructure.Email;
using MailKit.Net.Smtp;
using MimeKit;

namespace CollabHub.UnitTests.Email;

public sealed class OutboxRulesTests
{
    [Fact]
    public void Backoff_DoublesFromTheFirstDelay_AndStopsAtTheCap()
    {
        var first = TimeSpan.FromSeconds(30);
        var cap = TimeSpan.FromMinutes(30);

        var delays = Enumerable.Range(0, 9).Select(n => OutboxDelivery.Backoff(n, first, cap)).ToList();

        Assert.Equal(
            [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(8),
             TimeSpan.FromMinutes(16), cap, cap, cap],
            delays);
        Assert.Equal(cap, OutboxDelivery.Backoff(int.MaxValue, first, cap));
    }

    [Theory]
    [InlineData(SmtpStatusCode.MailboxBusy, false)]                // 450
    [InlineData(SmtpStatusCode.ErrorInProcessing, false)]          // 451
    [InlineData(SmtpStatusCode.InsufficientStorage, false)]        // 452
    [InlineData(SmtpStatusCode.MailboxUnavailable, true)]          // 550
    [InlineData(SmtpStatusCode.TransactionFailed, true)]           // 554
    public void Classify_SmtpReply_4xxIsRetried_5xxIsDeadLettered(SmtpStatusCode code, bool permanent)
    {
        var error = SmtpMailTransport.Classify(new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, code, "refused"));

        Assert.Equal(permanent, error.IsPermanent);
        Assert.StartsWith(((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
    }

    [Fact]
    public void Classify_ConnectionFailuresAndTimeouts_AreRetried()
    {
        Assert.False(SmtpMailTransport.Classify(new IOException("connection reset")).IsPermanent);
        Assert.False(SmtpMailTransport.Classify(new TimeoutException()).IsPermanent);
        Assert.False(SmtpMailTransport.Classify(new OperationCanceledException()).IsPermanent);
        Assert.False(SmtpMailTransport.Classify(new System.Net.Sockets.SocketException(111)).IsPermanent);
    }

    [Fact]
    public void Classify_UnparsableAddress_IsDeadLettered()
    {
        Assert.True(SmtpMailTransport.Classify(new ParseException("bad address", 0, 0)).IsPermanent);
    }

    [Fact]
    public void FileName_MadeFromTheMessageId_IsSafeAndStable()
    {
        var name = OutboxMessageBuilder.FileName("0192f3a4b5@collabhub.example");

        Assert.Equal("0192f3a4b5_collabhub.example.eml", name);
        Assert.Equal("_etc_passwd.eml", OutboxMessageBuilder.FileName("../etc/passwd")); // no way out of the folder
    }
}
