using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Lakeshore.Interfaces.Export;

public sealed class ClaimsExport
{
    private readonly IPatientRepository _patients;
    private readonly ILogger<ClaimsExport> _logger;

    public ClaimsExport(IPatientRepository patients, ILogger<ClaimsExport> logger)
    {
        _patients = patients;
        _logger = logger;
    }

    public async Task<string> WriteAsync(DateOnly day)
    {
        var patients = await _patients.WithClaimsOnAsync(day);
        var csv = new StringBuilder("member_id,family_name,given_name,birth_date,diagnosis\n");
        foreach (var patient in patients)
        {
            csv.AppendLine(string.Join(',', patient.MemberId, patient.FamilyName, patient.GivenName,
                patient.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), patient.PrimaryDiagnosis));
        }

        var path = Path.Combine(Path.GetTempPath(), $"claims-{day:yyyyMMdd}.csv");
        await File.WriteAllTextAsync(path, csv.ToString());
        _logger.LogInformation("Claims export for {Day}: {Count} patients", day, patients.Count);
        return path;
    }
}
