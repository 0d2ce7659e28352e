using Kalmar.Bench;

// bench/run.sh calls one command per phase; each appends its figures to the same log, and `report` turns them into the table.
var settings = BenchSettings.Parse(args);
return settings.Command switch
{
    "baseline" => await Phases.BaselineAsync(settings),
    "kalmar" => await Phases.KalmarAsync(settings),
    "onboarding" => await Phases.OnboardingAsync(settings),
    "invoices" => await Phases.InvoicesAsync(settings),
    "report" => await Phases.ReportAsync(settings),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Kalmar.Bench baseline|kalmar|onboarding|invoices|report --figures FILE [--quick] [--loads a,b] [--url URL] ...; see bench/run.sh");
    return 2;
}
