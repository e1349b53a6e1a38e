using System;
using Xunit;

public class SortTests
{
    [Fact]
    public void SortsByBirthDate()
    {
        // test helpers fed invented people: listed at info
        var patients = new[]
        {
            SetPatientInfo(new Patient(), "Portland", "Hughes", new DateTime(1951, 3, 14)),
            SetPatientInfo(new Patient(), "Salem", "Whitfield", new DateTime(1962, 8, 2)),
        };
        Assert.Equal("Hughes", Sorter.ByBirthDate(patients)[0].Name);
    }

    private static Patient SetPatientInfo(Patient p, string city, string family, DateTime birthDate) => p;
}
