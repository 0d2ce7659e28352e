using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Kalmar.Bench.Measuring;
using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Model;
using Npgsql;

namespace Kalmar.Bench.Portal;

/// <summary>
/// A month of many invoice lines for one company, written straight into <c>invoice_ledger</c> (last month, not yet closed),
/// downloaded as CSV and PDF while preliminary, closed through the company's invoice grain, and downloaded again as the
/// closed invoice. Each download is timed over HTTP and the web process's resident memory is sampled while it runs; a
/// month of a hundredth of the lines, measured the same way first, shows whether memory grows with the lines.
/// </summary>
public sealed class InvoiceLoad(Seeder seeder, BenchCluster cluster, NpgsqlDataSource database, Uri url, int webPid, Sizes sizes, FigureLog figures)
{
    private const string Load = LoadNames.Invoices;
    private const string SystemName = "kalmar";
    private const int Departments = 10;

    /// <summary>The downloads, in the order they are made: figure key, label.</summary>
    public static readonly (string Key, string Label)[] Downloads =
    [
        ("open-csv", "preliminary CSV"),
        ("open-pdf", "preliminary PDF"),
        ("closed-csv", "closed CSV"),
        ("closed-pdf", "closed PDF"),
    ];

    public async Task RunAsync()
    {
        MachineLoad.Note(figures, Load, SystemName);
        var month = InvoiceMonth.Previous(Stockholm.MonthOf(DateTimeOffset.UtcNow));
        figures.Add(Load, SystemName, "lines-large", sizes.InvoiceLines);
        figures.Add(Load, SystemName, "lines-small", sizes.InvoiceLines / 100);
        await MeasureMonthAsync("small", sizes.InvoiceLines / 100, month);
        await MeasureMonthAsync("large", sizes.InvoiceLines, month);
        MachineLoad.Note(figures, Load, SystemName);
    }

    private async Task MeasureMonthAsync(string size, int lines, string month)
    {
        var departments = Enumerable.Range(1, Departments).Select(d => new DepartmentInfo(Guid.NewGuid(), $"Avdelning {d}", $"REF-{d:D2}")).ToList();
        var companyId = Guid.NewGuid();
        var token = await seeder.CreateCompanyAsync(
            new CompanyInfo(companyId, $"Fakturabänk {size} AB", StaffOfferAvailable: true, departments)
            {
                OrgNumber = OrgNumber(companyId), InvoiceEmail = $"faktura-{size}@example.se", InvoiceAddress = new PostalAddress("Storgatan 1", "392 32", "Kalmar"),
            },
            Guid.NewGuid(), $"invoice-admin-{size}-{companyId:N}@example.se");
        var started = Stopwatch.GetTimestamp();
        await InsertLinesAsync(companyId, month, lines, [.. departments.Select(department => department.Id)]);
        figures.Add(Load, SystemName, $"{size}-insert-ms", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        Console.WriteLine($"kalmar: invoices: {lines:#,0} lines of {month} for one company ({size})");

        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromMinutes(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await DownloadAsync(http, size, "open-csv", $"/api/admin/invoices/{month}.csv");
        await DownloadAsync(http, size, "open-pdf", $"/api/admin/invoices/{month}.pdf");

        started = Stopwatch.GetTimestamp();
        await CloseAsync(companyId, month);
        figures.Add(Load, SystemName, $"{size}-close-ms", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        await DownloadAsync(http, size, "closed-csv", $"/api/admin/invoices/{month}.csv");
        await DownloadAsync(http, size, "closed-pdf", $"/api/admin/invoices/{month}.pdf");
    }

    /// <summary>A valid organisation number of the company's own (they are unique): nine digits from its id and the Luhn check digit.</summary>
    private static string OrgNumber(Guid companyId)
    {
        var body = "55" + ((uint)companyId.GetHashCode() % 10_000_000).ToString("D7", CultureInfo.InvariantCulture);
        var digits = body + Luhn.CheckDigit(body);
        return $"{digits[..6]}-{digits[6..]}";
    }

    /// <summary>Staff-offer lines over the month's first four weeks, 500 travellers, ten departments, 35–45 kr excl. VAT each.</summary>
    private async Task InsertLinesAsync(Guid companyId, string month, int lines, Guid[] departmentIds)
    {
        await using var command = database.CreateCommand(
            """
            insert into invoice_ledger (id, company_id, month, at, kind, traveller_id, traveller_name, department_id, department_name,
                                        reference, cost_centre, product, zones, purpose, amount_excl_vat_ore, vat_ore, total_ore)
            select gen_random_uuid(), $1, $2, $3 + (g % 2419200) * interval '1 second', 'staff-offer', md5($1::text || (g % 500))::uuid,
                   'Resenär ' || (g % 500), $4[(g % 10) + 1], 'Avdelning ' || ((g % 10) + 1), 'REF-' || lpad(((g % 10) + 1)::text, 2, '0'),
                   'KS-' || ((g % 10) + 1), 'Enkelbiljett, Vuxen', array['101', '131'], null,
                   3500 + g % 1000, (3500 + g % 1000) * 6 / 100, 3500 + g % 1000 + (3500 + g % 1000) * 6 / 100
            from generate_series(1, $5) g
            """);
        command.CommandTimeout = 600;
        command.Parameters.AddWithValue(companyId);
        command.Parameters.AddWithValue(month);
        command.Parameters.AddWithValue(InvoiceMonth.Start(month).ToUniversalTime());
        command.Parameters.AddWithValue(departmentIds);
        command.Parameters.AddWithValue(lines);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// The month close as the reminder runs it. A call that outlasts Orleans' response timeout goes on in the silo, so the
    /// invoice is then waited for in the table.
    /// </summary>
    private async Task CloseAsync(Guid companyId, string month)
    {
        try
        {
            await cluster.Client.GetGrain<IInvoiceGrain>(companyId).CloseDueMonthsAsync();
        }
        catch (TimeoutException)
        {
            Console.WriteLine("  the close outlasted the call's timeout; waiting for the invoice");
        }

        await using var command = database.CreateCommand("select count(*) from invoices where company_id = $1 and month = $2");
        command.Parameters.AddWithValue(companyId);
        command.Parameters.AddWithValue(month);
        while ((long)(await command.ExecuteScalarAsync())! == 0)
        {
            await Task.Delay(200);
        }
    }

    /// <summary>One download: time to the first byte and to the last, bytes, and the web process's memory before and at its peak.</summary>
    private async Task DownloadAsync(HttpClient http, string size, string key, string path)
    {
        GC.Collect();
        var before = Resident(webPid, "VmRSS");
        var peakResetByKernel = TryResetPeak(webPid);
        using var sampling = new CancellationTokenSource();
        var peak = before;
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, Resident(webPid, "VmRSS"));
                await Task.Delay(20, CancellationToken.None);
            }
        });

        var started = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        var firstByte = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[81920];
        long bytes = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            bytes += read;
        }

        var total = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        await sampling.CancelAsync();
        await sampler;
        var highWater = peakResetByKernel ? Resident(webPid, "VmHWM") : 0;
        peak = Math.Max(peak, highWater);

        figures.Add(Load, SystemName, $"{size}-{key}-ms", total);
        figures.Add(Load, SystemName, $"{size}-{key}-first-byte-ms", firstByte);
        figures.Add(Load, SystemName, $"{size}-{key}-bytes", bytes);
        figures.Add(Load, SystemName, $"{size}-{key}-rss-before-mb", before / 1048576.0);
        figures.Add(Load, SystemName, $"{size}-{key}-rss-peak-mb", peak / 1048576.0);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {size,-5} {key,-10} {total,9:0} ms  {bytes / 1048576.0,8:0.0} MB  web RSS {before / 1048576.0:0} → peak {peak / 1048576.0:0} MB"));
    }

    /// <summary>Writing 5 to clear_refs resets the kernel's peak (VmHWM) to the current RSS; only the process's owner or root may.</summary>
    private static bool TryResetPeak(int pid)
    {
        try
        {
            File.WriteAllText($"/proc/{pid}/clear_refs", "5");
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static long Resident(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(line => line.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }
}
