using System.Globalization;
using CsvHelper;
using Microsoft.Extensions.Logging;

namespace Lakeshore.Interfaces.Export;

/// <summary>Ward roster for the night shift, printed from the nurses' station.</summary>
public sealed class RosterExport
{
    private readonly ILogger<RosterExport> _logger;

    public RosterExport(ILogger<RosterExport> logger) => _logger = logger;

    public void Write(IReadOnlyList<WardPatient> patients, string ward)
    {
        using var writer = new StreamWriter(Path.Combine(@"C:\Temp", $"roster-{ward}.csv"));
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        csv.WriteRecords(patients);
        _logger.LogInformation("Roster for {Ward}: {Count} patients", ward, patients.Count);
    }

    public void OnRejected(string hl7Message, string reason)
    {
        _logger.LogWarning("Roster update rejected ({Reason}): {Hl7Message}", reason, hl7Message);
    }
}
