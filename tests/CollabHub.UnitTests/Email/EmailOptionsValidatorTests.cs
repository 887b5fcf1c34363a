using CollabHub.Web.Infrastructure.Email;

namespace CollabHub.UnitTests.Email;

public sealed class EmailOptionsValidatorTests
{
    private static readonly EmailOptionsValidator Validator = new();

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(Validator.Validate(null, new EmailOptions()).Succeeded);
    }

    [Fact]
    public void Validate_Mistakes_AreNamedWithTheirSetting()
    {
        var options = new EmailOptions
        {
            From = "not an address",
            Smtp = new SmtpOptions { Host = "smtp.example.org", Port = 70000, UserName = "relay", TimeoutSeconds = 0 },
            Dispatcher = new DispatcherOptions { BatchSize = 0, PollInterval = TimeSpan.Zero },
        };

        var result = Validator.Validate(null, options);

        Assert.False(result.Succeeded);
        var failures = result.Failures!.ToList();
        Assert.Contains(failures, f => f.StartsWith("Email:From must be an address", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Email:Smtp:Port must be between 1 and 65535", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Email:Smtp:UserName and Email:Smtp:Password must be set together", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Email:Smtp:TimeoutSeconds", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Email:Dispatcher:BatchSize", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Email:Dispatcher:PollInterval", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_LeaseShorterThanThreeSmtpTimeouts_IsRefused()
    {
        var options = new EmailOptions { Dispatcher = new DispatcherOptions { Lease = TimeSpan.FromSeconds(60) } };

        var result = Validator.Validate(null, options);

        Assert.Contains(result.Failures!, f => f.StartsWith("Email:Dispatcher:Lease must be at least three SMTP timeouts", StringComparison.Ordinal));
    }
}
