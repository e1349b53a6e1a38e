using System;
using System.IO;
using System.Text.Json;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

public sealed class ImportStats
{
    private readonly ILogger<ImportStats> _logger;
    private readonly Channel<Patient> _queue = Channel.CreateUnbounded<Patient>();

    public ImportStats(ILogger<ImportStats> logger) => _logger = logger;

    public int PatientsSkipped { get; set; }

    public bool PatientsMerged { get; set; }

    public void Report()
    {
        Console.WriteLine($"skipped: {PatientsSkipped}, merged: {PatientsMerged}");
    }

    public void OnStoreError(StoreException exception)
    {
        _logger.LogWarning("store call failed: {Diagnostics}", exception.Diagnostics);
    }

    public async Task EnqueueAsync(Patient patient)
    {
        await _queue.Writer.WriteAsync(patient);
    }

    public async Task ExportAsync(Patient patient, StreamWriter writer)
    {
        // insecure: a patient record written to a plain file
        await writer.WriteLineAsync(JsonSerializer.Serialize(patient));
    }

    public void OnDiagnosis(Encounter encounter)
    {
        // insecure: a diagnosis written to the log
        _logger.LogInformation("diagnosis recorded: {Diagnosis}", encounter.Diagnosis);
    }
}
