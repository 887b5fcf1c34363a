using CollabHub.Web.Features.Admin;
using CollabHub.Web.Features.Admin.Audit;

namespace CollabHub.UnitTests.Admin;

public sealed class AdminRulesTests
{
    [Theory]
    [InlineData("jane.doe@un.org", true)]
    [InlineData("  jane.doe@un.org  ", true)]
    [InlineData("j+tag@mail.example.org", true)]
    [InlineData("not-an-address", false)]
    [InlineData("jane@localhost", false)]
    [InlineData("Jane <jane@un.org>", false)]
    [InlineData("jane doe@un.org", false)]
    [InlineData("", false)]
    public void CreateAdminCommand_TryParseEmail_AcceptsPlainAddressesOnly(string text, bool valid)
    {
        Assert.Equal(valid, CreateAdminCommand.TryParseEmail(text, out var email));
        if (valid)
        {
            Assert.Equal(text.Trim(), email);
        }
    }

    [Fact]
    public void CreateAdminCommand_Validate_ExplainsUsageWithoutExactlyOneArgument()
    {
        var command = new CreateAdminCommand(null!, null!, TimeProvider.System);

        Assert.StartsWith("Usage: create-admin EMAIL", command.Validate([]), StringComparison.Ordinal);
        Assert.StartsWith("Usage: create-admin EMAIL", command.Validate(["a@b.org", "c@d.org"]), StringComparison.Ordinal);
        Assert.Null(command.Validate(["a@b.org"]));
    }

    [Theory]
    [InlineData("50%_off", @"%50\%\_off%")]
    [InlineData(@" back\slash ", @"%back\\slash%")]
    [InlineData("amina", "%amina%")]
    public void SearchPatterns_Contains_MatchesWhatWasTypedLiterally(string typed, string pattern)
    {
        Assert.Equal(pattern, SearchPatterns.Contains(typed));
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("=1+1", "\"'=1+1\"")]
    [InlineData("+1", "\"'+1\"")]
    [InlineData("-1", "\"'-1\"")]
    [InlineData("@cmd", "\"'@cmd\"")]
    [InlineData(null, "\"\"")]
    public void AuditCsvExport_Cell_QuotesAndDefusesFormulas(string? value, string cell)
    {
        Assert.Equal(cell, AuditCsvExport.Cell(value));
    }

    [Fact]
    public void AuditEntry_OverlongDetails_AreShortenedToFitTheColumn()
    {
        var entry = new AuditEntry(DateTimeOffset.UtcNow, null, AuditEntry.CommandLineActor, AuditActions.MemberSuspend, null, null, new string('x', 5000));

        Assert.Equal(AuditEntry.DetailsMaxLength, entry.Details!.Length);
        Assert.EndsWith("…", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public void AuditActions_Label_NamesKnownCodesAndKeepsUnknownOnes()
    {
        Assert.Equal("Member suspended", AuditActions.Label(AuditActions.MemberSuspend));
        Assert.Equal("group.archive", AuditActions.Label("group.archive"));
    }
}
