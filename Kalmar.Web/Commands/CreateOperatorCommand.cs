using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Model;
using Kalmar.Web.Extensions;

namespace Kalmar.Web.Commands;

/// <summary>
/// <c>dotnet Kalmar.Web.dll create-operator --email … --first-name … --last-name …</c>: the first KLT operator of a
/// Production database, which has no demo users and so nobody who could invite one. The password is read from
/// standard input (typed unseen at a terminal, or piped), never from the command line, where the process list and
/// the shell's history would keep it, and there is no default one.
/// </summary>
public static class CreateOperatorCommand
{
    public const string Name = "create-operator";

    public const string Usage =
        "Användning: dotnet Kalmar.Web.dll create-operator --email <e-post> --first-name <förnamn> --last-name <efternamn> (lösenordet läses från standard in)";

    private const int MaxNameLength = 100;

    private static readonly string[] Options = ["--email", "--first-name", "--last-name"];

    /// <summary>Exit codes: 0 created, 1 the address is in use, 2 wrong arguments or a refused password.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> options)
    {
        if (Read(options, () => Console.IsInputRedirected ? Console.In.ReadLine() : HiddenLine(), Console.Error) is not { } user)
        {
            return 2;
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client => client.UseKalmarCluster(builder.Configuration));
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            return await CreateAsync(host.Services.GetRequiredService<IClusterClient>(), user, Console.Out, Console.Error);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    /// <summary>
    /// The operator that <paramref name="options"/> and the password (asked for once they are right) describe, or
    /// null after saying what is wrong.
    /// </summary>
    public static NewUser? Read(IReadOnlyList<string> options, Func<string?> password, TextWriter errors)
    {
        var values = options.Chunk(2).Where(pair => pair.Length == 2 && Options.Contains(pair[0]))
            .ToDictionary(pair => pair[0], pair => pair[1].Trim(), StringComparer.Ordinal);
        if (values.Count != Options.Length || options.Count != 2 * Options.Length
            || values["--first-name"].Length is 0 or > MaxNameLength || values["--last-name"].Length is 0 or > MaxNameLength)
        {
            errors.WriteLine(Usage);
            return null;
        }

        if (!EmailAddress.TryParse(values["--email"], out var email, out var invalid))
        {
            errors.WriteLine(invalid);
            return null;
        }

        var chosen = password();
        if (PasswordPolicy.Check(chosen, email.Value) is { } weak)
        {
            errors.WriteLine(weak);
            return null;
        }

        return new NewUser(values["--first-name"], values["--last-name"], email.Value, Mobile: null, Guid.Empty, Guid.Empty, [Role.Operator], [], chosen);
    }

    /// <summary>Creates the operator; 1 when the address belongs to someone already (nothing is changed then).</summary>
    public static async Task<int> CreateAsync(IGrainFactory grains, NewUser user, TextWriter output, TextWriter errors)
    {
        var id = Guid.NewGuid();
        try
        {
            await grains.GetGrain<IUserGrain>(id).CreateAsync(user);
        }
        catch (InvalidOperationException)
        {
            errors.WriteLine($"{user.Email} används redan av en annan användare.");
            return 1;
        }

        output.WriteLine($"Operatören {user.Email} är skapad (id {id}). Logga in i portalen och godkänn villkoren.");
        return 0;
    }

    /// <summary>A line typed at the terminal without showing it.</summary>
    private static string HiddenLine()
    {
        Console.Error.Write("Lösenord (visas inte): ");
        var typed = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                typed.Length = Math.Max(0, typed.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }

        Console.Error.WriteLine();
        return typed.ToString();
    }
}
