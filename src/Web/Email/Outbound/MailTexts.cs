using System.Globalization;
using System.Text;

namespace CallMyWay.Voice.Web.Email.Outbound;

/// <summary>The words of every mail the desk sends, in Spanish (the desk's language) or English.</summary>
public sealed class MailTexts
{
    private MailTexts(bool english)
    {
        IsEnglish = english;
    }

    public static MailTexts Spanish { get; } = new(false);

    public static MailTexts English { get; } = new(true);

    public bool IsEnglish { get; }

    public string DefaultSubject => IsEnglish ? "Your request" : "Su solicitud";

    public static MailTexts For(bool english) => english ? English : Spanish;

    public string Greeting(string? name) =>
        string.IsNullOrWhiteSpace(name) ? (IsEnglish ? "Hello," : "Hola,") : (IsEnglish ? $"Hello {name}," : $"Hola {name},");

    public string Signature(string address) => IsEnglish
        ? $"CallMyWay Service Management Team\n{address} · e-mail support around the clock"
        : $"Equipo de Gestión de Servicios CallMyWay\n{address} · atención continua por correo electrónico";

    public string Received(long number, string tag) => IsEnglish
        ? F($"We have received your message and opened case #{number}. To follow up, reply to this e-mail keeping \"{tag}\" in the subject.")
        : F($"Hemos recibido su mensaje y registrado el caso #{number}. Para dar seguimiento, responda a este correo conservando \"{tag}\" en el asunto.");

    public string MissingIntro => IsEnglish
        ? "To start the review we need the following information. Please reply to this e-mail filling in these lines:"
        : "Para iniciar la revisión necesitamos la siguiente información. Responda a este correo completando estas líneas:";

    public string MissingOutro => IsEnglish
        ? "The review starts as soon as the information is complete."
        : "La revisión del caso iniciará al completarse la información.";

    public string StillMissing(long number) => IsEnglish
        ? F($"Thank you for your reply. To start the review of case #{number} we still need the following. Please reply filling in these lines:")
        : F($"Gracias por su respuesta. Para iniciar la revisión del caso #{number} aún necesitamos lo siguiente. Responda completando estas líneas:");

    public string UnderReview => IsEnglish
        ? "Your case is complete and under review; we will keep you informed of the progress by e-mail."
        : "Su caso está completo y en revisión; le informaremos de los avances por este medio.";

    public string ReviewStarted(long number) => IsEnglish
        ? F($"Thank you. With the information received, case #{number} is complete and its review has started. We will keep you informed of the progress.")
        : F($"Gracias. Con la información recibida, el caso #{number} está completo y su revisión ha comenzado. Le informaremos de los avances.");

    public string Update(long number) => IsEnglish ? F($"Update on case #{number}:") : F($"Novedades del caso #{number}:");

    public string InformationRequested(long number) => IsEnglish
        ? F($"To continue with case #{number} we need the following:")
        : F($"Para continuar con el caso #{number} necesitamos lo siguiente:");

    public string ReplyWithInformation => IsEnglish
        ? "Please reply to this e-mail with it."
        : "Por favor responda a este correo con lo solicitado.";

    public string Resolved(long number) => IsEnglish ? F($"We have resolved case #{number}:") : F($"Hemos resuelto el caso #{number}:");

    public string AskConfirmation => IsEnglish
        ? "Can you confirm the problem is solved? Reply to this e-mail with the word CONFIRM to close the case, or NOT SOLVED if the problem persists."
        : "¿Nos confirma que el problema quedó resuelto? Responda a este correo con la palabra CONFIRMO para cerrar el caso, o NO RESUELTO si el problema continúa.";

    public string Links(Uri close, Uri reopen) => IsEnglish
        ? $"You can also use these links:\nConfirm and close: {close}\nNot solved: {reopen}"
        : $"También puede usar estos enlaces:\nConfirmar y cerrar: {close}\nNo está resuelto: {reopen}";

    public string Closed(long number) => IsEnglish
        ? F($"Thank you for confirming. Case #{number} is now closed.")
        : F($"Gracias por su confirmación. El caso #{number} quedó cerrado.");

    public string Reopened(long number) => IsEnglish
        ? F($"We are sorry the problem persists. We have reopened case #{number} and keep working on it.")
        : F($"Lamentamos que el problema continúe. Reabrimos el caso #{number} y seguimos trabajando en él.");

    public string AttachmentsRefused(string perFile, string perMessage) => IsEnglish
        ? $"We could not keep these attachments because they exceed the size limit ({perFile} per file, {perMessage} per message); please send them by another means or in smaller parts:"
        : $"No pudimos conservar estos adjuntos porque superan el tamaño permitido ({perFile} por archivo, {perMessage} por mensaje); envíelos por otro medio o en partes más pequeñas:";

    /// <summary>A mail body: greeting, paragraphs separated by blank lines, signature.</summary>
    public string Body(string? name, string address, params string?[] paragraphs)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var body = new StringBuilder();
        body.Append(Greeting(name)).Append("\n\n");
        foreach (var paragraph in paragraphs)
        {
            if (!string.IsNullOrWhiteSpace(paragraph))
            {
                body.Append(paragraph.TrimEnd()).Append("\n\n");
            }
        }

        body.Append(Signature(address)).Append('\n');
        return body.ToString();
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
