using Kalmar.Grains.Notifications;
using Kalmar.Silo.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Kalmar.Tests.Notifications;

public sealed class NotificationRegistrationTests
{
    [Fact]
    public void WithoutAnSmtpHostEmailAndSmsStayInTheOutbox()
    {
        using var services = Build(new() { ["Outbox:PollInterval"] = "00:00:00.250" });

        Assert.IsType<OutboxOnlyEmailSender>(services.GetRequiredService<IEmailSender>());
        Assert.IsType<OutboxOnlySmsSender>(services.GetRequiredService<ISmsSender>());
        Assert.IsType<NotificationOutbox>(services.GetRequiredService<INotificationOutbox>());
        Assert.NotNull(services.GetRequiredService<OutboxDispatcher>());
        Assert.Single(services.GetServices<ILifecycleParticipant<ISiloLifecycle>>(), participant => participant.GetType().Name == "OutboxDispatcherLifecycle");
        Assert.Equal(TimeSpan.FromMilliseconds(250), services.GetRequiredService<IOptions<OutboxOptions>>().Value.PollInterval);
    }

    [Fact]
    public void WithAnSmtpHostEmailGoesOutOverSmtp()
    {
        using var services = Build(new() { ["Smtp:Host"] = "localhost", ["Smtp:Port"] = "1025", ["Smtp:UseTls"] = "false" });

        Assert.IsType<SmtpEmailSender>(services.GetRequiredService<IEmailSender>());
        Assert.Equal("noreply@kalmarlanstrafik.se", services.GetRequiredService<IOptions<SmtpOptions>>().Value.FromMailbox().Address);
    }

    [Theory]
    [InlineData("Smtp:From", "inte en adress")]
    [InlineData("Smtp:Port", "0")]
    [InlineData("Outbox:PollInterval", "00:00:00")]
    [InlineData("Outbox:BatchSize", "0")]
    public void BadSettingsAreRefused(string key, string value)
    {
        using var services = Build(new() { [key] = value });

        Assert.Throws<OptionsValidationException>(() =>
        {
            _ = services.GetRequiredService<IOptions<SmtpOptions>>().Value;
            _ = services.GetRequiredService<IOptions<OutboxOptions>>().Value;
        });
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(_ => NpgsqlDataSource.Create("Host=127.0.0.1;Database=unused"));
        services.AddKalmarNotifications(configuration);
        return services.BuildServiceProvider();
    }
}
