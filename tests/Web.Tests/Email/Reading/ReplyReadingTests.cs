using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Web.Email.Reading;

namespace CallMyWay.Voice.Web.Tests.Email.Reading;

public sealed class ReplyReadingTests
{
    [Fact]
    public void Quoted_lines_and_everything_after_a_quote_header_are_not_the_reply()
    {
        var reply = QuotedText.Strip("""
            Tráfico: saliente
            Gracias

            El vie, 14 mar 2025 a las 10:01, Soporte CallMyWay
            <sosporte24@callmyway.com> escribió:
            > Tráfico (entrante o saliente):
            > Extensión o usuario: 999
            """);

        Assert.Equal("Tráfico: saliente\nGracias", reply);
    }

    [Theory]
    [InlineData("Confirmo\n-----Original Message-----\nFrom: Soporte\nExtensión: 9")]
    [InlineData("Confirmo\n\nDe: Soporte CallMyWay <sosporte24@callmyway.com>\nEnviado: viernes, 14 de marzo de 2025 10:01\nPara: Ana\nAsunto: [Caso #1]")]
    [InlineData("Confirmo\nOn Fri, Mar 14, 2025 at 10:01 AM Soporte <sosporte24@callmyway.com> wrote:\n> hi")]
    [InlineData("Confirmo\n________________________________\nFrom: Soporte")]
    public void Common_mail_clients_quote_headers_end_the_reply(string text) =>
        Assert.Equal("Confirmo", QuotedText.Strip(text));

    [Fact]
    public void A_fecha_line_of_the_customer_is_not_taken_for_a_quote_header() =>
        Assert.Equal("Extensión: 12\nFecha y hora: hoy 10:00", QuotedText.Strip("Extensión: 12\nFecha y hora: hoy 10:00"));

    [Theory]
    [InlineData("Confirmo, gracias", CustomerVerdict.Confirmed)]
    [InlineData("Ya quedó resuelto, pueden cerrar", CustomerVerdict.Confirmed)]
    [InlineData("Yes, solved. Thanks!", CustomerVerdict.Confirmed)]
    [InlineData("I confirm", CustomerVerdict.Confirmed)]
    [InlineData("No resuelto", CustomerVerdict.NotSolved)]
    [InlineData("No, no está resuelto todavía", CustomerVerdict.NotSolved)]
    [InlineData("Sigue igual", CustomerVerdict.NotSolved)]
    [InlineData("It is not solved", CustomerVerdict.NotSolved)]
    [InlineData("Still failing", CustomerVerdict.NotSolved)]
    [InlineData("¿Me pueden llamar mañana?", CustomerVerdict.None)]
    public void The_verdict_on_a_resolution_is_read_with_not_solved_winning(string reply, CustomerVerdict expected) =>
        Assert.Equal(expected, VerdictReader.Read(reply));

    [Theory]
    [InlineData("[Caso #1042] Falla", 1042L)]
    [InlineData("RE: [Case #77] Outbound calls", 77L)]
    [InlineData("Sobre el caso #1042", 1042L)]
    [InlineData("Caso No. #5", 5L)]
    [InlineData("Extensión 1042", null)]
    [InlineData(null, null)]
    public void The_case_number_is_found_in_the_subject(string? subject, long? expected) =>
        Assert.Equal(expected, CaseTag.Find(subject));

    [Theory]
    [InlineData("RE: RV: [Caso #12] Falla en llamadas", "Falla en llamadas")]
    [InlineData("Fwd: Outbound calls", "Outbound calls")]
    [InlineData("[Caso #12]", null)]
    public void Our_subject_line_drops_reply_prefixes_and_tags(string subject, string? expected) =>
        Assert.Equal(expected, CaseTag.Clean(subject));

    [Theory]
    [InlineData("Hola, la extensión no funciona desde ayer. Gracias.", null, "es")]
    [InlineData("Hello, our extension is not working since yesterday. Thanks.", null, "en")]
    [InlineData("Extensión: 12", "en-US", "en")]
    [InlineData("1234", null, "es")]
    public void Language_is_spanish_unless_the_message_is_english(string text, string? contentLanguage, string expected) =>
        Assert.Equal(expected, LanguageGuess.Of(text, contentLanguage));

    [Theory]
    [InlineData("Falla en llamadas", "No podemos llamar.", CaseKind.Incident)]
    [InlineData("Solicitud de activación", "Necesitamos una extensión nueva.", CaseKind.Activation)]
    [InlineData("Alta de extensión", "Para Carla.", CaseKind.Activation)]
    [InlineData("New extension request", "Please create one.", CaseKind.Activation)]
    [InlineData("Consulta", "¿Qué horario tiene soporte los domingos?", CaseKind.Inquiry)]
    [InlineData("¿Tienen números en Chile?", "Gracias", CaseKind.Inquiry)]
    [InlineData("Ayuda", "¿Por qué no funciona la extensión 12?", CaseKind.Incident)]
    [InlineData("Hola", "Saludos", CaseKind.Incident)]
    public void The_kind_follows_what_the_message_asks_for(string subject, string body, CaseKind expected) =>
        Assert.Equal(expected, CaseKindClassifier.Classify(subject, body, ChecklistReader.Read(body, false, TimeSpan.FromHours(-6), DateTimeOffset.UnixEpoch)));

    [Fact]
    public void Html_becomes_lines_with_lists_cells_and_quotes_kept_readable()
    {
        var text = HtmlText.Convert("""
            <div>Hola&nbsp;equipo,</div><div><br></div>
            <ul><li>uno</li><li>dos &amp; tres</li></ul>
            <table><tr><th>Extensión:</th><td>12</td></tr></table>
            <blockquote class="gmail_quote"><p>Texto citado</p></blockquote>
            """);

        Assert.Equal("Hola equipo,\n- uno\n- dos & tres\nExtensión: 12\n> Texto citado", text);
    }
}
