namespace CollabHub.Web.Features.Members;

/// <summary>
/// Shows generated demo credentials on the console once. Deliberately not the logger: logs are kept and
/// shipped elsewhere, and a password must never reach them.
/// </summary>
public class DemoCredentialsPrinter
{
    public virtual void Print(string email, string password)
    {
        var line = new string('=', 72);
        Console.Out.WriteLine($"""

            {line}
             Demo administrator created. This password is shown only now:
               e-mail:   {email}
               password: {password}
            {line}

            """);
        Console.Out.Flush();
    }
}
