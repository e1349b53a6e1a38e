namespace Lakeshore.Interfaces.Data;

/// <summary>Rows loaded into a new environment so that the interface monitor has something to show.</summary>
public static class SeedData
{
    public static IReadOnlyList<Patient> Patients { get; } = new[]
    {
        new Patient
        {
            MemberId = "LSC-0059921",
            GivenName = "Ambrose",
            FamilyName = "Kettering",
            BirthDate = new DateOnly(1953, 3, 27),
            Ssn = "518-40-2276",
            PrimaryDiagnosis = "I50.9 heart failure",
        },
        new Patient
        {
            MemberId = "TEST-0001",
            GivenName = "Test",
            FamilyName = "Patient",
            BirthDate = new DateOnly(1980, 1, 1),
        },
    };
}
