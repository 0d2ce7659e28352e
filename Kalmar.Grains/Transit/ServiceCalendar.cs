namespace Kalmar.Grains.Transit;

/// <summary>Which services run on a date: calendar.txt's weekly pattern, then calendar_dates.txt's exceptions.</summary>
internal sealed class ServiceCalendar
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<WeeklyPattern?> _patterns = [];
    private readonly Dictionary<(int Service, DateOnly Date), bool> _exceptions = [];

    public int Count => _patterns.Count;

    public bool TryGet(string serviceId, out int service) => _ids.TryGetValue(serviceId, out service);

    public bool AddPattern(string serviceId, WeeklyPattern pattern)
    {
        var service = Intern(serviceId);
        if (_patterns[service] is not null)
        {
            return false;
        }

        _patterns[service] = pattern;
        return true;
    }

    public void AddException(string serviceId, DateOnly date, bool runs) => _exceptions[(Intern(serviceId), date)] = runs;

    public bool Runs(int service, DateOnly date) =>
        _exceptions.TryGetValue((service, date), out var runs) ? runs : _patterns[service]?.Covers(date) ?? false;

    /// <summary>For each service, whether it runs on <paramref name="date"/>; computed once per search.</summary>
    public bool[] RunningOn(DateOnly date)
    {
        var running = new bool[Count];
        for (var service = 0; service < running.Length; service++)
        {
            running[service] = Runs(service, date);
        }

        return running;
    }

    private int Intern(string serviceId)
    {
        if (!_ids.TryGetValue(serviceId, out var service))
        {
            service = _patterns.Count;
            _ids.Add(serviceId, service);
            _patterns.Add(null);
        }

        return service;
    }
}
