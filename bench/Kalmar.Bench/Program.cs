using Kalmar.Bench;
using Kalmar.Bench.Chaos;

// bench/run.sh calls one command per phase; each appends its figures to the same log, and `report` turns them into the table.
// bench/chaos.sh calls `chaos`, which checks what its clients were told against the database.
var settings = BenchSettings.Parse(args);
return settings.Command switch
{
    "baseline" => await Phases.BaselineAsync(settings),
    "kalmar" => await Phases.KalmarAsync(settings),
    "onboarding" => await Phases.OnboardingAsync(settings),
    "invoices" => await Phases.InvoicesAsync(settings),
    "chaos" => await new ChaosLoad(settings).RunAsync(),
    "report" => await Phases.ReportAsync(settings),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Kalmar.Bench baseline|kalmar|onboarding|invoices|chaos|report --figures FILE [--quick] [--loads a,b] [--url URL] ...; see bench/run.sh and bench/chaos.sh");
    return 2;
}
