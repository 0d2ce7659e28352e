using Kalmar.Silo.DemoData;

namespace Kalmar.Tests.Fixtures;

/// <summary>The demo sign-ins of api.md, as tests use them.</summary>
public static class Demo
{
    public const string Emmy = "emmy@example.se";
    public const string Anna = "anna@example.se";
    public const string Dan = "dan@example.se";
    public const string Rut = "rut@example.se";
    public const string TravellerPassword = DemoAccounts.TravellerPassword;
    public const string AdminPassword = DemoAccounts.AdminPassword;
}
