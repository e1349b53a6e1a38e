using System.Net;

namespace Lakeshore.Interfaces.Export;

/// <summary>Drops the claims export on the clearing house's server.</summary>
public sealed class FtpDrop
{
    private readonly NetworkCredential _credential;

    public FtpDrop(NetworkCredential credential) => _credential = credential;

    public async Task UploadAsync(string localPath)
    {
        var request = (FtpWebRequest)WebRequest.Create("ftp://drop.clearwater-claims.com/inbound/" + Path.GetFileName(localPath));
        request.Method = WebRequestMethods.Ftp.UploadFile;
        request.Credentials = _credential;
        request.EnableSsl = false;
        await using var body = await request.GetRequestStreamAsync();
        await using var file = File.OpenRead(localPath);
        await file.CopyToAsync(body);
    }
}
