using System.Net;
using System.Net.Mail;

namespace Lakeshore.Interfaces.Notifications;

/// <summary>Sends discharge letters to GP practices that have no secure mailbox yet.</summary>
public sealed class LetterSender
{
    private readonly NetworkCredential _credential;

    public LetterSender(NetworkCredential credential) => _credential = credential;

    public void Send(string practiceAddress, string subject, Attachment letter)
    {
        using var smtp = new SmtpClient("smtp.lakeshore-care.net", 25) { Credentials = _credential };
        using var message = new MailMessage("letters@lakeshore-care.net", practiceAddress, subject, "Please find the discharge letter attached.");
        message.Attachments.Add(letter);
        smtp.Send(message);
    }
}
