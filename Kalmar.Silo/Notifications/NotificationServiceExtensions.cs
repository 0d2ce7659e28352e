using Kalmar.Grains.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kalmar.Silo.Notifications;

public static class NotificationServiceExtensions
{
    /// <summary>
    /// The outbox grains write to, the senders (SMTP when <c>Smtp:Host</c> is set, otherwise e-mail
    /// stays in the outbox; SMS always stays there until there is a gateway) and the dispatcher that
    /// drains the outbox on this silo. Needs the silo's <c>NpgsqlDataSource</c>.
    /// </summary>
    public static IServiceCollection AddKalmarNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<INotificationOutbox, NotificationOutbox>();
        if (configuration.GetSection(SmtpOptions.Section).Get<SmtpOptions>() is { IsConfigured: true })
        {
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }
        else
        {
            services.AddSingleton<IEmailSender, OutboxOnlyEmailSender>();
        }

        services.AddSingleton<ISmsSender, OutboxOnlySmsSender>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, OutboxDispatcherLifecycle>();
        return services;
    }
}
