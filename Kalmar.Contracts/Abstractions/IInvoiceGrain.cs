namespace Kalmar.Contracts.Abstractions;

/// <summary>A company's month close (keyed by company id): each past month's invoice, fixed once.</summary>
[Alias("Kalmar.IInvoiceGrain")]
public interface IInvoiceGrain : IGrainWithGuidKey
{
    /// <summary>Closes what is due and sets the reminder for the next close; harmless to call again.</summary>
    [Alias("Schedule")]
    Task ScheduleAsync();

    /// <summary>Closes every past month with lines not yet invoiced, oldest first; returns the numbers issued now.</summary>
    [Alias("CloseDueMonths")]
    Task<IReadOnlyList<string>> CloseDueMonthsAsync();
}
