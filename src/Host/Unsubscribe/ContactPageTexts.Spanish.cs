using Dnd.Crm.Consent;
using Dnd.Rules.Consent;

namespace Dnd.Host.Unsubscribe;

public sealed partial record ContactPageTexts
{
    public static ContactPageTexts Spanish { get; } = new()
    {
        Lang = PageLanguages.Spanish,
        Title = "Tus preferencias de mensajes",
        Intro = "Elige cómo puede contactarte {0}.",
        Channels = new Dictionary<Channel, string>
        {
            [Channel.Call] = "Llamadas", [Channel.Email] = "Correo electrónico", [Channel.Sms] = "Mensajes de texto (SMS)",
            [Channel.WhatsApp] = "WhatsApp", [Channel.Fb] = "Mensajes de Facebook", [Channel.Gmb] = "Mensajes de Google Business",
        },
        On = "Activado", Off = "Desactivado",
        TurnOff = "Desactivar {0}", TurnOn = "Activar {0}",
        SpamLocked = "Marcaste nuestro correo como spam, así que queda desactivado para siempre.",
        CarrierBlocked = "Tu operador bloquea nuestros mensajes a este número. Envíanos START para volver a recibirlos.",
        NotLiftableHere = "No se puede volver a activar aquí. Contacta con {0} para cambiarlo.",
        CheckInbox = "Revisa tu bandeja de entrada: enviamos un enlace de confirmación a {0}. El correo sigue desactivado hasta que confirmes.",
        StopEverything = "Detener todo",
        StopEverythingHint = "Desactiva todas las formas de contactarte, incluidas las que no aparecen aquí.",
        TurnedOff = "{0}: desactivado.", TurnedOn = "{0}: activado de nuevo.", EverythingOff = "Todo está desactivado.",
        NotChanged = "{0}: sin cambios.",
        ConfirmTitle = "Confirma el correo",
        ConfirmQuestion = "¿Quieres volver a recibir correos de {0} en {1}?",
        ConfirmButton = "Sí, enviadme correos",
        Confirmed = "El correo está activado de nuevo.",
        ConfirmEmailSubject = "Confirma que quieres correos de {0}",
        ConfirmEmailBody = "<p>Pediste volver a recibir correos de {0}. Confirma aquí: <a href=\"{1}\">{1}</a></p><p>Si no lo pediste, ignora este correo: nada cambia.</p>",
        InvalidLinkTitle = "Enlace no válido",
        InvalidLink = "Este enlace no es válido. Usa el enlace para darte de baja de un mensaje reciente nuestro.",
        ExpiredLink = "Este enlace de confirmación ha caducado. Abre tus preferencias y activa el correo otra vez para recibir uno nuevo.",
        UsedLink = "Este enlace de confirmación ya se usó.",
        StalePage = "Esta página ha caducado. Abre el enlace otra vez y repite tu elección.",
        UnknownChoice = "Esa opción no está en esta página.",
        UnsubscribeTitle = "Darse de baja",
        StopEmailsQuestion = "¿Dejar de recibir correos en {0}?",
        ThisAddress = "esta dirección",
        UnsubscribeButton = "Darme de baja",
        UnsubscribedTitle = "Baja confirmada",
        UnsubscribedFromEmail = "Te has dado de baja. No recibirás más correos nuestros.",
        StopMessagesTitle = "Dejar de recibir mensajes",
        StopSms = "Detener SMS",
        ChooseMessages = "Elige qué mensajes recibes",
    };
}
