use crate::template::{MessageKind, Template};

const WHERE: &str =
    "Lugar: {{location}}\nAcceso en línea: {{conferencing_url}}\nAcceso telefónico: {{dial_in}}";

const HOW_TO_CHOOSE: &str = "Para elegir, haga clic en el horario que mejor le convenga. Su programa de correo abrirá un mensaje dirigido a mí con todos los datos ya incluidos; solo tiene que hacer clic en Enviar. Si otro horario también le viniera bien, haga clic en él y envíe igualmente ese mensaje: el primer mensaje que envíe será su primera opción. También puede responder simplemente a este mensaje e indicar el número del horario que prefiera (por ejemplo, \"2\") o su código.";

pub(super) fn template(kind: MessageKind) -> Template {
    let (subject, body) = match kind {
        MessageKind::Invitation => (
            "Invitación a una entrevista: {{study_name}}".to_owned(),
            format!(
                "Hola, {{{{participant_name}}}}:

Gracias por participar en {{{{study_name}}}}. Me gustaría invitarle a una entrevista en el horario que mejor le convenga.

Esta invitación es para la entrevista {{{{interview_round}}}}.

{{{{message}}}}

Estos son los horarios que puedo ofrecerle, indicados en su zona horaria ({{{{participant_time_zone}}}}):

{{{{choices}}}}

{HOW_TO_CHOOSE}

Si ninguno de estos horarios le viene bien, responda simplemente a este mensaje y buscaremos otro. Si prefiere no participar, puede indicármelo aquí:

{{{{decline_link}}}}

Un cordial saludo,
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::Confirmation => (
            "Entrevista confirmada: {{study_name}}, el {{interview_time}}".to_owned(),
            format!(
                "Hola, {{{{participant_name}}}}:

Su entrevista para {{{{study_name}}}} ha quedado reservada para el {{{{interview_time}}}} ({{{{participant_time_zone}}}}).

Esta es la entrevista {{{{interview_round}}}}.
Se reunirá con {{{{interviewers}}}}.

{WHERE}

Le adjunto una invitación de calendario para que pueda añadir la entrevista a su agenda.

{{{{message}}}}

Si finalmente no puede asistir, puede cancelarla aquí:

{{{{cancel_link}}}}

Será un placer conversar con usted.

Un cordial saludo,
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::Update => (
            "Nuevo horario: su entrevista para {{study_name}} será el {{interview_time}}".to_owned(),
            format!(
                "Hola, {{{{participant_name}}}}:

Su entrevista para {{{{study_name}}}} ha cambiado de horario: ahora será el {{{{interview_time}}}} ({{{{participant_time_zone}}}}).

Esta es la entrevista {{{{interview_round}}}}.
Se reunirá con {{{{interviewers}}}}.

{WHERE}

La invitación de calendario adjunta sustituye a la anterior.

{{{{message}}}}

Si el nuevo horario no le viene bien, puede cancelar la entrevista aquí:

{{{{cancel_link}}}}

Un cordial saludo,
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::Cancellation => (
            "Entrevista cancelada: {{study_name}}, el {{interview_time}}".to_owned(),
            "Hola, {{participant_name}}:

Lamento comunicarle que su entrevista para {{study_name}}, programada para el {{interview_time}} ({{participant_time_zone}}), ha sido cancelada. La actualización de calendario adjunta la eliminará de su agenda.

Esta era la entrevista {{interview_round}}.

{{message}}

Si tiene cualquier pregunta, responda simplemente a este mensaje.

Un cordial saludo,
{{researcher_name}}"
                .to_owned(),
        ),
        MessageKind::RescheduleRequest => (
            "{{study_name}}: elija un nuevo horario para su entrevista".to_owned(),
            format!(
                "Hola, {{{{participant_name}}}}:

Necesito cambiar el horario de su entrevista para {{{{study_name}}}}, prevista para el {{{{interview_time}}}}. Lamento las molestias.

Esta es la entrevista {{{{interview_round}}}}.

{{{{message}}}}

Estos son los horarios que puedo ofrecerle, indicados en su zona horaria ({{{{participant_time_zone}}}}):

{{{{choices}}}}

{HOW_TO_CHOOSE}

Si ninguno de estos horarios le viene bien, responda simplemente a este mensaje y buscaremos otro. Si ya no puede participar en absoluto, puede cancelar la entrevista aquí:

{{{{cancel_link}}}}

Un cordial saludo,
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::Reminder => (
            "Recordatorio: su entrevista para {{study_name}}, el {{interview_time}}".to_owned(),
            format!(
                "Hola, {{{{participant_name}}}}:

Le recuerdo que su entrevista para {{{{study_name}}}} es el {{{{interview_time}}}} ({{{{participant_time_zone}}}}).

Esta es la entrevista {{{{interview_round}}}}.
Se reunirá con {{{{interviewers}}}}.

{WHERE}

{{{{message}}}}

Si finalmente no puede asistir, le ruego que la cancele aquí para que otra persona pueda aprovechar ese horario:

{{{{cancel_link}}}}

Hasta pronto,
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::WaitlistOffer => (
            "Se ha liberado una plaza: entrevista para {{study_name}}".to_owned(),
            "Hola, {{participant_name}}:

Buenas noticias: se ha liberado una plaza para una entrevista en {{study_name}}. Las plazas se asignan por orden de respuesta, así que, si le interesa, le recomiendo que elija pronto.

{{message}}

Horarios indicados en su zona horaria ({{participant_time_zone}}):

{{choices}}

Para reservar una plaza, haga clic en el horario que prefiera y envíe el mensaje que se abrirá; no hace falta escribir nada.

Si ya no desea participar, puede indicármelo aquí:

{{decline_link}}

Un cordial saludo,
{{researcher_name}}"
                .to_owned(),
        ),
        MessageKind::Itinerary => (
            "Su programa para la jornada de entrevistas de {{study_name}}".to_owned(),
            format!(
                "Hola, {{{{participant_name}}}}:

Le envío su programa para la jornada de entrevistas del {{{{interview_time}}}}. Los horarios están indicados en su zona horaria ({{{{participant_time_zone}}}}).

{{{{itinerary}}}}

{WHERE}

{{{{message}}}}

Si surge algún imprevisto y no puede asistir, le ruego que me lo comunique aquí:

{{{{cancel_link}}}}

Hasta entonces,
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::ResearcherNotice => (
            "{{study_name}}: novedades sobre {{participant_name}}".to_owned(),
            "Hola, {{researcher_name}}:

{{message}}

Participante: {{participant_name}}
Estudio: {{study_name}}
Entrevista: {{interview_time}}

Abra el estudio en Confab para ver los detalles o tomar las medidas necesarias."
                .to_owned(),
        ),
        MessageKind::ChoiceUnavailable => (
            "{{study_name}}: elija otro horario, por favor".to_owned(),
            format!(
                "Hola, {{{{participant_name}}}}:

Gracias por su respuesta. Lo siento, pero no es posible reservar el horario que ha elegido porque {{{{message}}}}.

Estos horarios siguen disponibles, indicados en su zona horaria ({{{{participant_time_zone}}}}):

{{{{choices}}}}

{HOW_TO_CHOOSE}

Los demás horarios de mi mensaje anterior también siguen siendo válidos, siempre que estén libres. Si ninguno le viene bien, responda simplemente a este mensaje y buscaremos otro.

Un cordial saludo,
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::ChoicesReceived => (
            "Gracias: he recibido su elección para {{study_name}}".to_owned(),
            "Hola, {{participant_name}}:

Gracias por elegir un horario para la entrevista de {{study_name}}. Esto es lo que he recibido, en su zona horaria ({{participant_time_zone}}):

{{message}}

Todavía no hay nada reservado: en breve le confirmaré uno de estos horarios y entonces recibirá una invitación de calendario. Si otro horario de mi invitación también le viniera bien, aún puede hacer clic en él y enviar ese mensaje también.

Un cordial saludo,
{{researcher_name}}"
                .to_owned(),
        ),
    };
    Template { subject, body }
}
