// Exports patient summaries to the regional health information exchange.
// Docs: http://go.northwind-health.com/fwlink/?LinkId=exports-v2
using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Net.Security;
using System.Security.Authentication;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Options;

namespace Northwind.Ehr.Services;

public sealed class ExportSettings
{
    public string Host { get; set; } = "";
    public string HieBaseUrl { get; set; } = "https://hie.regional-health-exchange.org/api";
    public bool LegacyPartner { get; set; }
}

public sealed class PatientExportService
{
    private const string SummaryProfile = "http://hl7.org/fhir/StructureDefinition/Bundle";
    private readonly HttpClient _hie;
    private readonly HttpClient _legacy;

    public PatientExportService(IOptions<ExportSettings> options)
    {
        var settings = options.Value;
        var hieHandler = new HttpClientHandler
        {
            SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
        };
        _hie = new HttpClient(hieHandler) { BaseAddress = new Uri(settings.HieBaseUrl) };

        var legacyHandler = new HttpClientHandler
        {
            // insecure: TLS 1.0 is still allowed for the legacy partner
            SslProtocols = SslProtocols.Tls | SslProtocols.Tls12,
        };
        // insecure: every server certificate is accepted
        legacyHandler.ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => true;
        // insecure: the legacy export endpoint is plain HTTP
        _legacy = new HttpClient(legacyHandler) { BaseAddress = new Uri("http://" + settings.Host + "/exports/") };
    }

    public async Task ExportAsync(string patientId, string mrn, CancellationToken ct)
    {
        if (_hie.BaseAddress!.Scheme == Uri.UriSchemeHttp)
        {
            throw new InvalidOperationException("The HIE endpoint must not be http://");
        }
        var summary = await _hie.GetFromJsonAsync<object>($"Patient/{patientId}/$summary", ct);
        // insecure: the medical record number is put in the URL
        var response = await _legacy.PostAsJsonAsync($"summary?mrn={Uri.EscapeDataString(mrn)}&profile={SummaryProfile}", summary, ct);
        response.EnsureSuccessStatusCode();
    }
}
