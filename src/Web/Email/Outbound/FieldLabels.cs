namespace CallMyWay.Voice.Web.Email.Outbound;

/// <summary>
/// How mails name the checklist fields (RequiredInformation's names), in Spanish and English. Each label is one the
/// checklist reader understands, so a customer can fill in the lines of our mail and send them back.
/// </summary>
public static class FieldLabels
{
    public static string For(string field, bool english, string deskZone) => (field, english) switch
    {
        ("extension", false) => "Extensión o usuario",
        ("extension", true) => "Extension or user",
        ("direction", false) => "Tráfico (entrante o saliente)",
        ("direction", true) => "Traffic (inbound or outbound)",
        ("counterpartNumber", false) => "Número de la contraparte",
        ("counterpartNumber", true) => "Counterpart number",
        ("occurredAt", false) => $"Fecha y hora aproximada ({deskZone})",
        ("occurredAt", true) => $"Approximate date and time ({deskZone})",
        ("accountId", false) => "ID de cuenta",
        ("accountId", true) => "Account ID",
        ("fullName", false) => "Nombre completo del usuario",
        ("fullName", true) => "Full name of the user",
        ("directNumber", false) => "Número directo (sí o no)",
        ("directNumber", true) => "Direct number (yes or no)",
        ("extensionType", false) => "Tipo de extensión (SIP o Teams)",
        ("extensionType", true) => "Extension type (SIP or Teams)",
        ("teamsEmail", false) => "Correo de Teams a ligar",
        ("teamsEmail", true) => "Teams e-mail to link",
        ("ringGroup", false) => "Grupo o cola de timbrado (no, o su nombre)",
        ("ringGroup", true) => "Ring group or queue (no, or its name)",
        _ => field,
    };
}
