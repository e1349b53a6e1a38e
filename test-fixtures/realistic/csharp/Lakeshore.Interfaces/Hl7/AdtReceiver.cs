using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Lakeshore.Interfaces.Hl7;

/// <summary>Receives ADT feeds from the hospital's integration engine over MLLP/TLS.</summary>
public sealed class AdtReceiver
{
    private readonly ILogger<AdtReceiver> _logger;
    private readonly IAdtHandler _handler;

    public AdtReceiver(ILogger<AdtReceiver> logger, IAdtHandler handler)
    {
        _logger = logger;
        _handler = handler;
    }

    public async Task ReceiveAsync(SslStream stream, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        var read = await stream.ReadAsync(buffer, ct);
        var message = Encoding.UTF8.GetString(buffer, 0, read).Trim('\v', '\x1c', '\r');
        if (!message.StartsWith("MSH|"))
        {
            _logger.LogWarning("Discarding {Length} bytes without an MSH segment", message.Length);
            return;
        }

        _logger.LogDebug("Inbound ADT: {Message}", message);

        var controlId = message.Split('\r')[0].Split('|')[9];
        await _handler.HandleAsync(message, ct);
        _logger.LogInformation("ADT {ControlId} handled", controlId);
    }
}
