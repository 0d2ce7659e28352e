using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;

namespace Kalmar.Contracts.Hosting;

/// <summary>
/// Remembers the grain interface type of each grain interface. Orleans works it out again on every
/// <c>GetGrain&lt;T&gt;</c> (reading <c>T</c>'s attributes and formatting its name), which cost a silo 9 % of its CPU
/// under purchases; a non-generic interface's grain interface type never changes, so it is worked out once, by Orleans'
/// own providers and convention. Asked first
/// (<see cref="CachedGrainInterfaceTypesExtensions.AddCachedGrainInterfaceTypes"/>); generic interfaces are left to Orleans.
/// </summary>
public sealed class CachedGrainInterfaceTypes(IServiceProvider services) : IGrainInterfaceTypeProvider
{
    private readonly ConcurrentDictionary<Type, GrainInterfaceType> _known = new();

    public bool TryGetGrainInterfaceType(Type type, out GrainInterfaceType grainInterfaceType)
    {
        if (type.IsGenericType)
        {
            grainInterfaceType = default;
            return false;
        }

        grainInterfaceType = _known.GetOrAdd(type, WorkOut);
        return true;
    }

    private GrainInterfaceType WorkOut(Type type)
    {
        foreach (var provider in services.GetServices<IGrainInterfaceTypeProvider>().Where(provider => provider != this))
        {
            if (provider.TryGetGrainInterfaceType(type, out var grainInterfaceType))
            {
                return grainInterfaceType;
            }
        }

        return services.GetRequiredService<GrainInterfaceTypeResolver>().GetGrainInterfaceTypeByConvention(type);
    }
}

public static class CachedGrainInterfaceTypesExtensions
{
    /// <summary>Puts <see cref="CachedGrainInterfaceTypes"/> before Orleans' providers, which are asked in order.</summary>
    public static IServiceCollection AddCachedGrainInterfaceTypes(this IServiceCollection services)
    {
        services.Insert(0, ServiceDescriptor.Singleton<IGrainInterfaceTypeProvider, CachedGrainInterfaceTypes>());
        return services;
    }
}
