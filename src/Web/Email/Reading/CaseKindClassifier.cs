using System.Text.RegularExpressions;
using CallMyWay.Voice.Domain.Cases;

namespace CallMyWay.Voice.Web.Email.Reading;

/// <summary>
/// The kind of case a new message asks for: an activation when it says so or carries only activation fields, an
/// inquiry when it is a question without incident details, otherwise an incident (the desk's default).
/// </summary>
public static partial class CaseKindClassifier
{
    /// <summary>Bodies longer than this are reports, whatever question marks they hold.</summary>
    private const int ShortQuestion = 600;

    public static CaseKind Classify(string? subject, string text, ChecklistReading reading)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(reading);
        var foldedSubject = FoldedText.Of(subject ?? string.Empty);
        var head = FoldedText.Of(text.Length > 2000 ? text[..2000] : text);
        if (reading.HasIncidentFields)
        {
            return CaseKind.Incident;
        }

        if (Activation().IsMatch(foldedSubject) || Activation().IsMatch(head) || reading.HasActivationFields)
        {
            return CaseKind.Activation;
        }

        if (Problem().IsMatch(foldedSubject) || Problem().IsMatch(head))
        {
            return CaseKind.Incident;
        }

        var asks = foldedSubject.Contains('?', StringComparison.Ordinal) || foldedSubject.Contains('¿', StringComparison.Ordinal) || QuestionSubject().IsMatch(foldedSubject)
            || (text.Length <= ShortQuestion && (head.Contains('?', StringComparison.Ordinal) || head.Contains('¿', StringComparison.Ordinal)));
        return asks ? CaseKind.Inquiry : CaseKind.Incident;
    }

    [GeneratedRegex(@"\b(activacion|activaciones|activation|activar|activate|alta de (extension|usuario|linea|numero)|dar de alta|nueva extension|nuevo usuario|new extension|new user|crear (una )?extension|create (an |a new )?extension)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Activation();

    [GeneratedRegex(@"\b(falla|fallas|fallo|no funciona|no sirve|no puedo|no podemos|error|caida|caido|problema|incidencia|incidente|corte|no entran|no salen|sin audio|not working|doesn.t work|does not work|cannot|can.t|issue|problem|outage|down|failure|failing|no audio|dropped)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Problem();

    [GeneratedRegex(@"^(consulta|pregunta|duda|informacion|question|inquiry|enquiry|info)\b", RegexOptions.CultureInvariant)]
    private static partial Regex QuestionSubject();
}
