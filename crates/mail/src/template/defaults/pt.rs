use crate::template::{MessageKind, Template};

const WHERE: &str =
    "Local: {{location}}\nAcesso online: {{conferencing_url}}\nAcesso por telefone: {{dial_in}}";

const HOW_TO_CHOOSE: &str = "Para escolher, clique no horário que lhe for mais conveniente. O seu programa de e-mail abrirá uma mensagem dirigida a mim, já preenchida; basta clicar em Enviar. Se um segundo horário também lhe for conveniente, clique também nesse e envie igualmente essa mensagem: a primeira mensagem que enviar será a sua primeira opção. Também pode simplesmente responder a esta mensagem e escrever o número do horário que prefere (por exemplo, \"2\") ou o código correspondente.";

pub(super) fn template(kind: MessageKind) -> Template {
    let (subject, body) = match kind {
        MessageKind::Invitation => (
            "Convite para uma entrevista: {{study_name}}".to_owned(),
            format!(
                "Olá, {{{{participant_name}}}},

Agradeço a sua participação em {{{{study_name}}}}. Gostaria de lhe propor uma entrevista, no horário que lhe for mais conveniente.

Este convite é para a entrevista {{{{interview_round}}}}.

{{{{message}}}}

Estes são os horários que posso oferecer, indicados no seu fuso horário ({{{{participant_time_zone}}}}):

{{{{choices}}}}

{HOW_TO_CHOOSE}

Se nenhum destes horários lhe for conveniente, basta responder a esta mensagem e encontraremos outro. Se preferir não participar, basta clicar aqui:

{{{{decline_link}}}}

Cordialmente,
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::Confirmation => (
            "Entrevista confirmada: {{study_name}}, {{interview_time}}".to_owned(),
            format!(
                "Olá, {{{{participant_name}}}},

A sua entrevista para {{{{study_name}}}} está marcada para {{{{interview_time}}}} ({{{{participant_time_zone}}}}).

Esta é a entrevista {{{{interview_round}}}}.
A entrevista será conduzida por {{{{interviewers}}}}.

{WHERE}

Segue em anexo um convite de calendário, para que possa adicionar a entrevista ao seu calendário.

{{{{message}}}}

Caso não possa comparecer, pode cancelar aqui:

{{{{cancel_link}}}}

Até breve,
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::Update => (
            "Novo horário da sua entrevista para {{study_name}}: {{interview_time}}".to_owned(),
            format!(
                "Olá, {{{{participant_name}}}},

A sua entrevista para {{{{study_name}}}} foi remarcada para {{{{interview_time}}}} ({{{{participant_time_zone}}}}).

Esta é a entrevista {{{{interview_round}}}}.
A entrevista será conduzida por {{{{interviewers}}}}.

{WHERE}

O convite de calendário em anexo substitui o anterior.

{{{{message}}}}

Se o novo horário não lhe for conveniente, pode cancelar aqui:

{{{{cancel_link}}}}

Cordialmente,
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::Cancellation => (
            "Entrevista cancelada: {{study_name}}, {{interview_time}}".to_owned(),
            "Olá, {{participant_name}},

Lamento informar que a sua entrevista para {{study_name}}, marcada para {{interview_time}} ({{participant_time_zone}}), foi cancelada. A atualização de calendário em anexo irá removê-la do seu calendário.

Esta era a entrevista {{interview_round}}.

{{message}}

Se tiver alguma dúvida, basta responder a esta mensagem.

Cordialmente,
{{researcher_name}}"
                .to_owned(),
        ),
        MessageKind::RescheduleRequest => (
            "{{study_name}}: escolha um novo horário para a sua entrevista".to_owned(),
            format!(
                "Olá, {{{{participant_name}}}},

É necessário remarcar a sua entrevista para {{{{study_name}}}}, prevista para {{{{interview_time}}}}. Lamento esta alteração.

Esta é a entrevista {{{{interview_round}}}}.

{{{{message}}}}

Estes são os horários que posso oferecer, indicados no seu fuso horário ({{{{participant_time_zone}}}}):

{{{{choices}}}}

{HOW_TO_CHOOSE}

Se nenhum destes horários lhe for conveniente, basta responder a esta mensagem e encontraremos outro. Caso deixe de poder participar, pode cancelar a entrevista aqui:

{{{{cancel_link}}}}

Cordialmente,
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::Reminder => (
            "Lembrete: a sua entrevista para {{study_name}}, {{interview_time}}".to_owned(),
            format!(
                "Olá, {{{{participant_name}}}},

Um breve lembrete: a sua entrevista para {{{{study_name}}}} está marcada para {{{{interview_time}}}} ({{{{participant_time_zone}}}}).

Esta é a entrevista {{{{interview_round}}}}.
A entrevista será conduzida por {{{{interviewers}}}}.

{WHERE}

{{{{message}}}}

Caso não possa comparecer, cancele aqui, por favor, para que outra pessoa possa ficar com este horário:

{{{{cancel_link}}}}

Até breve,
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::WaitlistOffer => (
            "Vaga disponível: entrevista para {{study_name}}".to_owned(),
            "Olá, {{participant_name}},

Boas notícias: abriu uma vaga para uma entrevista em {{study_name}}. As vagas são atribuídas a quem responder primeiro, por isso, se tiver interesse, escolha o quanto antes.

{{message}}

Horários indicados no seu fuso horário ({{participant_time_zone}}):

{{choices}}

Para ficar com uma vaga, clique no horário que preferir e envie a mensagem que se abrir; não é preciso escrever nada.

Se deixou de ter interesse em participar, basta clicar aqui:

{{decline_link}}

Cordialmente,
{{researcher_name}}"
                .to_owned(),
        ),
        MessageKind::Itinerary => (
            "O seu programa para o dia de entrevistas de {{study_name}}".to_owned(),
            format!(
                "Olá, {{{{participant_name}}}},

Segue o seu programa para o dia de entrevistas marcado para {{{{interview_time}}}}. Os horários estão indicados no seu fuso horário ({{{{participant_time_zone}}}}).

{{{{itinerary}}}}

{WHERE}

{{{{message}}}}

Se surgir algum imprevisto e não puder comparecer, por favor, avise aqui:

{{{{cancel_link}}}}

Até lá,
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::ResearcherNotice => (
            "{{study_name}}: novidades sobre {{participant_name}}".to_owned(),
            "Olá, {{researcher_name}},

{{message}}

Participante: {{participant_name}}
Estudo: {{study_name}}
Entrevista: {{interview_time}}

Abra o estudo no Confab para ver os detalhes ou tomar as medidas necessárias."
                .to_owned(),
        ),
        MessageKind::ChoiceUnavailable => (
            "{{study_name}}: escolha outro horário, por favor".to_owned(),
            format!(
                "Olá, {{{{participant_name}}}},

Agradeço a sua resposta. Lamento, mas não é possível marcar o horário que escolheu porque {{{{message}}}}.

Estes horários continuam disponíveis, indicados no seu fuso horário ({{{{participant_time_zone}}}}):

{{{{choices}}}}

{HOW_TO_CHOOSE}

Os outros horários da minha mensagem anterior também continuam válidos, desde que estejam livres. Se nenhum deles lhe for conveniente, basta responder a esta mensagem e encontraremos outro.

Cordialmente,
{{{{researcher_name}}}}"
            ),
        ),
        MessageKind::ChoicesReceived => (
            "Escolha recebida: {{study_name}}".to_owned(),
            "Olá, {{participant_name}},

Agradeço a sua resposta sobre o horário da entrevista para {{study_name}}. Recebi o seguinte, no seu fuso horário ({{participant_time_zone}}):

{{message}}

Ainda não há nada marcado: em breve confirmarei um destes horários e depois receberá um convite de calendário. Se outro horário do meu convite também lhe for conveniente, ainda pode clicar nele e enviar também essa mensagem.

Cordialmente,
{{researcher_name}}"
                .to_owned(),
        ),
    };
    Template { subject, body }
}
