using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Northwind.Portal.Controllers;

public class PatientsController : Controller
{
    private readonly ILogger<PatientsController> _logger;
    private readonly IPatientRepository _repository;

    public PatientsController(ILogger<PatientsController> logger, IPatientRepository repository)
    {
        _logger = logger;
        _repository = repository;
    }

    public IActionResult Export(string patientId)
    {
        var patient = _repository.Find(patientId);
        _logger.LogInformation("Exporting {PatientId}", patientId);
        // insecure: the structured template serialises the whole patient into the log
        _logger.LogInformation("Exporting {@Patient}", patient);
        return Ok();
    }
}
