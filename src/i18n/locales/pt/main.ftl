## Layout
layout-skip = Pular para o conteúdo principal
layout-nav-main = Principal
layout-nav-home = Início
layout-nav-standard = O padrão
layout-nav-forum = Fórum
layout-nav-language = Idioma
layout-footer = Peerhall { $version } · para cidades que trabalham com o padrão de certificação What Works Cities

## Errors
error-not-found = Não encontramos o que você procurava.
error-field-not-found = não encontrado
error-invalid-body = O corpo da requisição não é válido: veja os campos para saber onde.
error-invalid-query = Os parâmetros da consulta não são válidos: veja os campos para saber onde.
error-invalid-path = O endereço não é válido: veja os campos para saber onde.
error-unsupported-media-type = Esta requisição precisa de um corpo JSON (Content-Type: application/json).
error-payload-too-large = O arquivo enviado é grande demais.
error-unavailable = O serviço está indisponível por um momento. Tente novamente em instantes.
error-internal = Algo deu errado do nosso lado. O erro foi registrado; tente novamente.
error-field-missing = Este campo é obrigatório.
error-field-unknown = Este campo não é reconhecido aqui.
error-field-duplicate = Este campo aparece duas vezes.
error-value-unknown = “{ $value }” não é um dos valores aceitos: { $expected }.
error-value-type = Este valor tem o tipo errado (texto, número, lista…).
error-value-invalid = Este valor não é válido aqui.
error-json-syntax = O JSON está malformado na linha { $line }, coluna { $column }.
error-page-title = Desculpe
error-page-home = Ir para a página inicial

## Home
home-title = Peerhall
home-lead = Onde as equipes municipais veem o quanto estão perto da certificação What Works Cities, o que fazer em seguida e quem já fez.
home-jobs-heading = O que o Peerhall faz
home-job-roadmaps = Roteiros: pontue sua autoavaliação e veja seu nível e uma lista ordenada de próximos passos.
home-job-peers = Pares: para cada passo, as cidades mais parecidas com a sua que já o fazem bem.
home-job-forum = Fórum: perguntas e respostas entre profissionais, em quatro idiomas.
home-job-digests = Resumos: um e-mail semanal com as novidades do que você acompanha.
home-read-standard = Leia os critérios e as orientações do padrão
home-cities-heading = Cidades
home-cities-summary = { $cities ->
    [one] Uma cidade
   *[other] { $cities } cidades
} no Peerhall, { $certified } certificadas; { $assessments ->
    [one] uma autoavaliação enviada
   *[other] { $assessments } autoavaliações enviadas
}.
home-no-cities = Ainda não há cidades certificadas aqui.
home-cities-caption = Cidades certificadas, do nível mais alto ao mais baixo
home-col-city = Cidade
home-col-country = País
home-col-level = Nível
home-col-year = Desde
demo-banner-title = Dados de demonstração.
demo-banner = As cidades certificadas e seus anos vêm de anúncios públicos; as respostas e o histórico de autoavaliações mostrados aqui são sintéticos, e as cidades ainda não certificadas são fictícias.
demo-tag = demo

## Standard
standard-criteria-count = { $count } critérios em { $areas } áreas de prática. Um ponto por critério atendido; o nível depende da proporção de critérios atendidos.
standard-levels-heading = Níveis de certificação
standard-levels-caption = Critérios que uma cidade precisa atender para cada nível
standard-level = Nível
standard-min-percent = Proporção mínima
standard-min-met = Mínimo de critérios atendidos
standard-min-met-value = { $met } de { $total }
standard-outcomes-heading = Resultados
standard-outcomes-intro = Além das práticas, a cidade precisa atingir um padrão reconhecido internacionalmente em pelo menos um destes resultados.
standard-broadband-thresholds = Limite: { $us }% dos domicílios nos Estados Unidos e no Canadá, { $latam }% na América Latina.
standard-pm25-target = Meta neste serviço: { $target } µg/m³.
standard-areas-heading = Áreas de prática e critérios
standard-areas-nav = Áreas de prática
standard-guidance = Orientação prática

## Accounts
layout-sign-in = Entrar
layout-sign-out = Sair
form-error-summary = Há um problema
error-unauthorized = Entre, ou envie um token de API válido, para ver isto.
error-forbidden = Você não tem acesso a isto.
error-csrf = Este formulário expirou ou não veio do Peerhall. Volte, recarregue a página e tente de novo.
error-gone = Este link expirou ou já foi usado. Peça um novo.
error-conflict = Isto não pode ser feito agora: os campos indicam o motivo.
error-unprocessable = Alguns campos precisam de atenção: veja os campos para saber quais.
error-too-many-requests = Solicitações demais. Aguarde um pouco e tente de novo.
error-email-invalid = Digite um endereço de e-mail como nome@cidade.gov.br.
error-email-too-long = Um endereço de e-mail tem no máximo 254 caracteres.
error-display-name = Digite um nome de 1 a 100 caracteres.
error-language = Escolha um dos quatro idiomas.
error-time-zone-invalid = Digite um fuso horário como America/Sao_Paulo ou America/Recife.
error-digest-day = Escolha um dia: mon, tue, wed, thu, fri, sat ou sun.
error-digest-hour = Escolha uma hora de 0 a 23.
sign-in-title = Entrar
sign-in-intro = Digite seu e-mail e enviaremos um link para você entrar. O link funciona uma única vez, por 15 minutos.
sign-in-email = Endereço de e-mail
sign-in-send = Enviar um link para entrar
sign-in-check-title = Confira seu e-mail
sign-in-check-body = Se existir uma conta com esse endereço, um link para entrar está a caminho. Ele funciona uma única vez, por 15 minutos.
sign-in-slow-down-title = Vá com calma
sign-in-confirm-title = Conclua a entrada
sign-in-confirm-body = Pressione o botão para entrar neste dispositivo.
sign-in-confirm-button = Entrar
mail-greeting = Olá, { $name },
mail-sign-in-subject = Seu link para entrar no Peerhall
mail-sign-in-body = Use este link para entrar no Peerhall. Ele funciona uma única vez, por 15 minutos.
mail-sign-in-button = Entrar no Peerhall
mail-sign-in-ignore = Se você não pediu para entrar, ignore este e-mail: nada acontece sem o link.
profile-title = Seu perfil
profile-saved = Suas alterações foram salvas.
profile-email = E-mail
profile-city = Cidade
profile-role = Papel
profile-preferences = Preferências
profile-display-name = Nome
profile-language = Idioma
profile-time-zone = Fuso horário
profile-time-zone-hint = Um nome IANA, como America/Sao_Paulo, America/Manaus ou America/Recife.
profile-save = Salvar
profile-email-prefs = Preferências de e-mail
profile-digest = Enviar-me o resumo semanal
profile-digest-day = Dia do resumo
profile-digest-hour = Hora do resumo
profile-digest-hour-hint = No seu fuso horário, indicado acima.
profile-notify-immediately = Avisar-me na hora sobre respostas, menções e respostas aceitas (no máximo um e-mail a cada 15 minutos)
profile-undeliverable = Não foi possível entregar e-mails para { $email }, então o Peerhall parou de enviá-los.
profile-undeliverable-help = O servidor de destino recusou a mensagem definitivamente. Peça à sua equipe de TI que aceite e-mails do Peerhall, ou a um administrador que mude seu endereço; os envios recomeçam com um novo endereço.
role-member = Membro
role-city-admin = Administrador da cidade
role-moderator = Moderador
role-program-admin = Administrador do programa
tokens-title = Tokens de API
tokens-intro = Os tokens permitem que seus scripts usem a API do Peerhall em seu nome (Authorization: Bearer). Trate-os como senhas.
tokens-created = Seu novo token, exibido só desta vez:
tokens-none = Você não tem tokens de API.
tokens-caption = Seus tokens de API
tokens-name = Nome
tokens-created-at = Criado em
tokens-last-used = Último uso
tokens-never = nunca
tokens-actions = Ações
tokens-revoke = Revogar
tokens-revoke-named = Revogar o token { $name }
tokens-new-name = Nome de um novo token
tokens-create = Criar um token
tokens-default-name = token
people-title = Pessoas de { $city }
people-caption = Todas as pessoas com conta nesta cidade
people-invite = Convidar um colega
people-send-invitation = Enviar o convite
people-invited = O convite está a caminho.
error-invite-role = Escolha membro ou administrador da cidade.
error-invite-exists = Este endereço já tem uma conta.
invitation-title = Boas-vindas ao Peerhall
invitation-intro = Escolha seu nome, idioma e fuso horário; depois você estará conectado.
invitation-accept = Aceitar e entrar
mail-invitation-subject = Você foi convidado para o Peerhall por { $city }
mail-invitation-body = { $inviter } convida você a participar de { $city } no Peerhall, onde as cidades que trabalham com o padrão What Works Cities planejam os próximos passos e aprendem com seus pares.
mail-invitation-button = Aceitar o convite
mail-invitation-expiry = O link funciona uma única vez, por 7 dias.
error-city-slug = Use letras minúsculas, dígitos e hifens simples, como porto-alegre.
error-city-name = Digite um nome de 1 a 100 caracteres.
error-city-country = Use o código ISO do país com duas letras maiúsculas, como BR.
error-city-region = Escolha Estados Unidos e Canadá, ou América Latina.
error-city-population = A população não pode ser negativa.
error-city-exists = Já existe uma cidade com este identificador.
layout-admin = Administração
layout-people = Pessoas
layout-roadmap = Roteiro
layout-peers = Pares
error-role = Escolha um dos quatro papéis.
error-invite-city = Escolha a cidade para a qual esta pessoa trabalha.
admin-title = Administração do programa
admin-city-created = A cidade foi criada.
admin-new-city = Adicionar uma cidade
admin-city-slug = Identificador (usado nos endereços)
admin-city-name = Nome
admin-city-country = Código do país (ISO, duas letras)
admin-city-region = Região
region-us-canada = Estados Unidos e Canadá
region-latin-america = América Latina
admin-city-population = População
admin-city-language = Idioma principal
admin-city-discoverable = Outras cidades podem ver seu nível e os critérios que atende
admin-create-city = Adicionar a cidade
admin-invite = Convidar alguém
admin-invite-city-hint = Obrigatória para membros e administradores de cidade; deixe vazia para moderadores e equipe do programa.
admin-audit = Registro de auditoria
admin-audit-caption = As 50 alterações mais recentes em papéis, convites, cidades e tokens
admin-audit-when = Quando
admin-audit-who = Quem
admin-audit-what = Ação
admin-audit-subject = Objeto
admin-audit-detail = Detalhe
admin-audit-cli = a linha de comando
sign-in-password-heading = Ou entre com sua senha
sign-in-password = Senha
sign-in-with-password = Entrar com senha
error-password-wrong = Esse e-mail e essa senha não correspondem a uma conta com senha.
error-password-length = Uma senha tem de 12 a 200 caracteres.
error-password-confirm = As duas senhas não são iguais.
profile-password = Senha (opcional)
profile-password-hint = Os links por e-mail sempre funcionam; uma senha de 12 caracteres ou mais é outra forma de entrar.
profile-new-password = Nova senha
profile-confirm-password = A mesma senha de novo
profile-set-password = Salvar a senha
people-settings = Configurações da cidade

## Envio de autoavaliações: problemas
intake-at-cell = Linha { $line }, coluna “{ $column }”: { $problem }
intake-at-line = Linha { $line }: { $problem }
intake-unknown-code = “{ $code }” não é um critério deste padrão.
intake-duplicate = { $code } tem mais de uma resposta; mantenha só uma.
intake-bad-status = { $code }: “{ $status }” não é um status; use met, in_progress ou not_started.
intake-evidence-long = { $code }: a nota de evidência passa de { $max } caracteres.
intake-bad-url = { $code }: o link de evidência deve ser um endereço http:// ou https:// completo de no máximo { $max } caracteres.
intake-missing = { $code } não tem resposta: cada critério precisa de uma (met, in_progress ou not_started).
intake-outcome-duplicate = { $name } aparece mais de uma vez.
intake-out-of-range = { $name } deve estar entre { $min } e { $max }.
intake-not-a-number = { $name }: “{ $value }” não é um número.
intake-unknown-outcome = “{ $name }” não é um resultado; use broadband_pct, pm25_ugm3 ou os campos priority_.
intake-bad-direction = “{ $value }” não é uma direção; use at_least ou at_most.
intake-indicator-long = O nome do indicador passa de { $max } caracteres.
intake-priority-incomplete = O resultado próprio da cidade também precisa de { $name }.
intake-unknown-area = “{ $code }” não é uma área de prática.
intake-unknown-standard = “{ $standard }” não é um padrão que o Peerhall conheça.
intake-csv-header = A primeira linha deve nomear as colunas: code,status,evidence (evidence_url é opcional).
intake-csv-unreadable = Isto não é um CSV legível: { $detail }
intake-content-type = Envie a autoavaliação como application/json ou como text/csv.

## Roadmap
status-met = Atendido
status-in-progress = Em andamento
status-not-started = Não iniciado
roadmap-title = Roteiro de { $city }
roadmap-summary-heading = Resumo
roadmap-summary = { $met } de { $total } critérios atendidos ({ $percent }%).
roadmap-level = Nível alcançado: { $level }.
roadmap-not-certified = Ainda sem nível de certificação.
roadmap-not-certified-short = Não certificada
roadmap-next-level = { $needed ->
    [one] Falta um critério para { $level }.
   *[other] Faltam { $needed } critérios para { $level }.
}
roadmap-no-opportunities = Nenhuma área de prática está abaixo da mediana das pares.
roadmap-top-level = Platina é o nível mais alto: mantenha todos os critérios atendidos.
roadmap-outcome-met = Pelo menos um resultado atende ao seu padrão.
roadmap-outcome-not-met = Nenhum resultado atende ainda ao seu padrão: a certificação precisa de um.
roadmap-eligible = { $city } pode se candidatar à certificação: pelo menos 30.000 habitantes, nas Américas.
roadmap-ineligible = { $city } ainda não pode se candidatar à certificação:
roadmap-ineligible-population = o programa pede pelo menos 30.000 habitantes;
roadmap-ineligible-country = o programa é aberto a cidades dos Estados Unidos, Canadá, México, América Central e América do Sul.
roadmap-submitted = Segundo a autoavaliação enviada em { $date }.
roadmap-csv = Baixar os passos (CSV)
roadmap-standing-heading = Onde sua cidade está
roadmap-strengths = Pontos fortes
roadmap-opportunities = Oportunidades
roadmap-area-vs-peers = { $area }: { $percent }% atendido; mediana das cidades pares { $median }%.
roadmap-no-peers = Nenhuma cidade par visível tem ainda uma autoavaliação para comparar.
roadmap-leading = Critérios que sua cidade atende e menos da metade das pares também:
roadmap-equity-heading = Equidade
roadmap-equity-intro = Dados desagregados, voz dos moradores e diversidade de fornecedores: { $met } de { $total } critérios atendidos.
roadmap-steps-heading = Próximos passos
roadmap-no-steps = Todos os critérios estão atendidos e um resultado atende ao seu padrão: mantenha assim.
roadmap-toward = conta para { $level }
roadmap-horizon = em { $months } meses
roadmap-why-outcome = A certificação precisa de pelo menos um resultado que atenda ao seu padrão: informe banda larga, qualidade do ar ou uma prioridade própria.
roadmap-why-in-progress = Já está em andamento: concluí-lo é o ganho mais rápido.
roadmap-why-finishes-area = O último critério pendente em { $area }: atendê-lo completa a área.
roadmap-why-priority-area = Em { $area }, uma área que você marcou como prioridade.
roadmap-why-closest-area = O próximo em { $area }, entre as áreas mais perto de se completar.
roadmap-why-balance = Mantém { $area } em movimento, para que nenhuma área fique para trás.
roadmap-outcome-step = Atender a um padrão de resultado
roadmap-progress-heading = Progresso
roadmap-changes = Desde a autoavaliação de { $date }:
roadmap-gained = Ganhos
roadmap-lost = Perdidos
roadmap-no-changes = Nenhuma mudança nos critérios atendidos.
roadmap-first = Esta é a primeira autoavaliação da cidade.
roadmap-history-caption = Critérios atendidos em cada autoavaliação
roadmap-chart-desc = Uma linha com os critérios atendidos em cada autoavaliação, da mais antiga à mais recente, com os limites de Prata, Ouro e Platina em linhas tracejadas.
roadmap-chart-table-note = A tabela a seguir traz os mesmos números.
roadmap-areas-caption = Proporção de critérios atendidos, por área de prática
roadmap-areas-legend = Barras: sua cidade. Marcas laranja: a mediana das cidades pares visíveis. A tabela a seguir traz os mesmos números.
roadmap-col-date = Data
roadmap-col-met = Critérios atendidos
roadmap-col-level = Nível
roadmap-col-area = Área de prática
roadmap-col-city = Sua cidade
roadmap-col-median = Mediana das pares
roadmap-col-criterion = Critério
roadmap-col-status = Status
roadmap-none-title = Ainda não há autoavaliação
roadmap-none-body = { $city } ainda não enviou uma autoavaliação. O roteiro aparece depois da primeira.

## Assessment form
assessment-form-title = Autoavaliação: { $city }
assessment-form-intro = Todas as pessoas da sua cidade trabalham em um mesmo rascunho compartilhado. Salve quantas vezes quiser: cada salvamento guarda apenas o que você mudou, então as respostas de um colega nunca se perdem. Envie quando todos os critérios tiverem resposta.
assessment-answered = { $answered } de { $total } critérios respondidos.
assessment-draft-saved-by = Rascunho salvo pela última vez em { $when } por { $name }.
assessment-draft-saved = Rascunho salvo pela última vez em { $when }.
assessment-draft-from = As respostas partem da sua avaliação de { $date }.
assessment-draft-new = Ainda não há respostas: esta é a primeira autoavaliação da sua cidade.
assessment-saved = Rascunho salvo.
assessment-overwritten = Um colega também tinha mudado estes campos desde que você abriu o formulário; suas respostas substituíram as dele: { $fields }.
assessment-areas-nav = Áreas de prática
assessment-about = O que este critério pede
assessment-evidence = Nota de evidência (opcional)
assessment-evidence-url = Link para a evidência (opcional)
assessment-save = Salvar rascunho
assessment-outcomes = Resultados
assessment-outcomes-hint = Para a certificação, pelo menos um resultado deve atender ao seu padrão. Deixe em branco o que vocês não medem.
assessment-broadband = Domicílios com assinatura de banda larga (%)
assessment-pm25 = Concentração média anual de partículas finas, PM2,5 (µg/m³)
assessment-priority = Resultado prioritário próprio da sua cidade (opcional)
assessment-priority-hint = Alinhado a um Objetivo de Desenvolvimento Sustentável da ONU: informe o objetivo, o indicador, a meta e o valor atual, ou deixe todos em branco.
assessment-priority-sdg = Objetivo de Desenvolvimento Sustentável (1 a 17)
assessment-priority-indicator = Indicador
assessment-priority-target = Meta
assessment-priority-value = Valor atual
assessment-priority-direction = O resultado é atingido quando o valor está
direction-at-least = na meta ou acima
direction-at-most = na meta ou abaixo
assessment-priorities = Áreas de prática que sua cidade prioriza
assessment-priorities-hint = Os passos nessas áreas aparecem antes no seu roteiro.
assessment-submit-heading = Enviar
assessment-submit-hint = Ao enviar, suas mudanças são salvas, todas as respostas são verificadas e, se tudo estiver certo, a avaliação é registrada e seu roteiro é atualizado. Uma avaliação enviada não pode ser alterada: a próxima parte dela.
assessment-submit = Enviar a avaliação
assessment-upload-heading = Ou envie um arquivo CSV
assessment-upload-hint = Uma linha por critério com as colunas code, status e evidence (evidence_url é opcional); os resultados como linhas extras chamadas broadband_pct, pm25_ugm3 ou priority_…, com o valor na coluna status. O arquivo é verificado por inteiro e enviado de uma vez.
assessment-upload-file = Arquivo CSV
assessment-upload = Enviar arquivo
assessment-upload-missing = Escolha um arquivo CSV para enviar.
roadmap-edit-assessment = Atualizar a autoavaliação

## Peers
peers-title = Cidades pares de { $city }
peers-intro = As cidades mais parecidas com a sua, segundo as últimas autoavaliações. Só aparecem as cidades que escolheram ser visíveis.
peers-like-you = Cidades como a sua
peers-like-you-hint = As cidades mais parecidas, primeiro as que estão um nível acima.
peers-can-help = Cidades que você pode ajudar
peers-can-help-hint = Cidades visíveis que ainda não atendem a critérios que sua cidade atende.
peers-none = Ainda não há cidades visíveis correspondentes.
peers-criterion-heading = Cidades pares para um critério
peers-criterion-label = Critério
peers-criterion-show = Mostrar as cidades pares
peers-criterion-results = Cidades que atendem a { $code }
peers-bad-limit = O limite deve estar entre 1 e { $max }.
peers-reason-meets-since = atende a { $code } desde { $year }
peers-reason-meets = atende a { $code }
peers-reason-level-ahead = um nível acima ({ $level })
peers-reason-same-level = mesmo nível ({ $level })
peers-reason-in-common = { $common } dos seus { $of } critérios em comum
peers-reason-similar-size = tamanho semelhante
peers-reason-language = { $language ->
    [es] também de língua espanhola
    [pt] também lusófona
    [fr] também francófona
   *[en] também de língua inglesa
}
peers-reason-region = { $region ->
    [latin_america] também na América Latina
   *[us_canada] também nos Estados Unidos e no Canadá
}
peers-reason-can-help = { $count ->
    [one] falta-lhe um critério que a sua atende
   *[other] faltam-lhe { $count } critérios que a sua atende
}
roadmap-step-peers = Cidades como a sua que atendem a { $code }:

## Introductions between peer cities
city-accepts-introductions = Cidades pares podem nos pedir uma apresentação
intro-ask-link = Pedir uma apresentação a { $city }
intro-ask-title = Pedir uma apresentação a { $city }
intro-ask-explain = O Peerhall escreverá a quem responde por { $city }. Se aceitarem, as duas partes verão o nome e o e-mail uma da outra aqui e por e-mail.
intro-closed = { $city } não está aceitando pedidos de apresentação no momento.
intro-about = Sobre:
intro-message-label = Uma nota para eles (opcional)
intro-message-hint = O que você gostaria de aprender e quem você é. No máximo { $max } caracteres.
intro-message-too-long = A nota é longa demais: reduza-a para 2.000 caracteres ou menos.
intro-ask-send = Enviar o pedido
intro-back-to-peers = Voltar aos seus pares
intro-already-asked = Sua cidade já pediu uma apresentação a esta cidade.
intro-declined-recently = Esta cidade recusou o pedido da sua cidade há menos de 90 dias.
intro-too-many = { $count ->
    [one] Você pode pedir uma apresentação por dia. Tente novamente amanhã.
   *[other] Você pode pedir { $count } apresentações por dia. Tente novamente amanhã.
}
intro-no-one = Ainda ninguém pode responder por esta cidade no Peerhall, então por enquanto não é possível pedir.
intro-see-earlier = Ver o pedido anterior
intro-title = Apresentação: { $from } e { $to }
intro-asked = Seu pedido foi enviado. Você receberá um e-mail quando responderem.
intro-already-answered = Este pedido já foi respondido.
intro-asked-by = Pedido por { $person } ({ $city }) em { $date }.
intro-answered-on = respondido em { $date }
intro-status-pending = Aguardando resposta
intro-status-accepted = Aceito
intro-status-declined = Recusado
intro-answer-explain = Se você aceitar, as duas cidades verão o contato uma da outra aqui e por e-mail. Se recusar, elas serão informadas, sem nenhum motivo.
intro-accept = Aceitar
intro-decline = Recusar
intro-waiting = Aguardando a resposta de { $city }.
intro-program-team = a equipe do programa Peerhall
intro-contacts = Contatos
intro-contacts-explain = Escrevam-se diretamente. Um tópico privado do fórum para as duas cidades substituirá isto quando o fórum abrir.
intro-section = Apresentações
intro-received = Pedidas à sua cidade
intro-sent = Pedidas pela sua cidade
intro-none = Nenhuma por enquanto.
intro-mail-request-subject = { $from } pede a { $to } uma apresentação
intro-mail-request-body = { $topic ->
    [none] { $person }, de { $from }, gostaria de ser apresentado(a) a { $to }.
   *[other] { $person }, de { $from }, gostaria de ser apresentado(a) a { $to } para aprender como vocês fazem { $topic }.
}
intro-mail-request-contacts = Se você aceitar, as duas partes receberão o nome e o e-mail uma da outra. Você recebe esta mensagem porque responde por esta cidade no Peerhall.
intro-mail-request-button = Aceitar ou recusar
intro-mail-accepted-subject = Apresentação aceita: { $city }
intro-mail-accepted-body = { $to } aceitou seu pedido. Você pode escrever para { $person } em { $email }.
intro-mail-declined-subject = Apresentação recusada: { $city }
intro-mail-declined-body = { $to } recusou seu pedido desta vez.
intro-mail-copy-body = Você aceitou o pedido de { $from }. Você pode escrever para { $person } em { $email }.
intro-mail-see = Ver a apresentação

## Forum

forum-title = Fórum
forum-intro = Pergunte a colegas de outras cidades como fizeram e encontre o que já foi respondido.
forum-views = Visões do fórum
forum-latest = Recentes
forum-unanswered = Sem resposta
forum-unanswered-intro = Perguntas que ninguém respondeu ainda.
forum-answerable = Perguntas que você pode responder
forum-answerable-intro = Perguntas abertas sobre critérios que sua cidade cumpre.
forum-spaces = Espaços
forum-category-general = Geral
forum-category-announcements = Avisos
forum-city-space = { $city } (privado)
forum-city-space-intro = Só as pessoas da sua cidade e a equipe do programa veem este espaço.
forum-new-thread = Abrir um tópico
forum-post-thread = Publicar o tópico
forum-similar-check = Procurar antes perguntas parecidas
forum-similar-title = Perguntas parecidas
forum-similar-hint = Talvez alguém já tenha perguntado. Estes tópicos têm títulos parecidos com o seu:
forum-similar-none = Não há perguntas parecidas. Pode publicar a sua.
similar-error-empty = Escreva primeiro um título ou algumas palavras: é por elas que se procuram perguntas parecidas.
similar-error-limit = Peça entre 1 e 20 tópicos.
forum-no-threads = Ainda não há tópicos aqui.
forum-older = Anteriores
forum-more-replies = Mais respostas
forum-solved = Resolvido
forum-locked = Fechado
forum-unread = Não lida
forum-replies = { $count ->
    [one] 1 resposta
   *[other] { $count } respostas
}
forum-votes = { $count ->
    [one] 1 voto
   *[other] { $count } votos
}
forum-tags = Etiquetas
forum-tag-title = Etiqueta: { $tag }
forum-person-title = Atividade de { $person }
forum-former-member = Um ex-membro
forum-kind-question = Pergunta
forum-kind-discussion = Discussão
forum-post-opening = Pergunta de
forum-post-accepted = Resposta aceita de
forum-post-reply = Resposta de
forum-vote = Votar a favor
forum-unvote = Retirar o voto
forum-accept = Aceitar esta resposta
forum-flag = Denunciar
forum-reply-heading = Sua resposta
forum-field-reply = Resposta
forum-reply-send = Publicar a resposta
forum-reply-staff-only = Só a equipe do programa publica aqui.
forum-markdown-hint = Aceita Markdown: **negrito**, listas, links. Mencione alguém com @usuario.
forum-field-category = Onde
forum-field-kind = Tipo
forum-field-title = Título
forum-field-body = Sua pergunta ou mensagem
forum-field-tags = Etiquetas (opcional)
forum-tags-hint = Até 5, separadas por vírgulas: códigos de critério como dm1 e suas próprias palavras.
forum-field-lang = Idioma
forum-watch-heading = Acompanhar este tópico
forum-watch-label = Avisar-me
forum-watch-watching = De cada resposta
forum-watch-normal = Só quando me mencionarem ou me responderem
forum-watch-muted = Nunca
forum-watch-save = Salvar
forum-notifications = Notificações
forum-notifications-count = { $count ->
    [0] Notificações
   *[other] Notificações ({ $count })
}
forum-notifications-none = Nada de novo.
forum-notifications-mark-read = Marcar tudo como lido
forum-event-reply = { $person } respondeu em “{ $title }”
forum-event-mention = { $person } mencionou você em “{ $title }”
forum-event-accepted = { $person } aceitou sua resposta em “{ $title }”
forum-event-new-thread = { $person } abriu “{ $title }”
forum-flag-title = Denunciar uma publicação à moderação
forum-flag-reason = Por quê?
forum-flag-spam = Spam ou propaganda
forum-flag-abusive = Abusiva ou desrespeitosa
forum-flag-off-topic = Fora do assunto
forum-flag-private-data = Expõe dados privados ou pessoais
forum-flag-other = Outro motivo (diga qual abaixo)
forum-flag-note = Nota para a moderação
forum-flag-send = Enviar a denúncia
forum-flagged-notice = Obrigado: a moderação vai analisar.
forum-back-to-thread = Voltar ao tópico
forum-hide = Ocultar
forum-restore = Restaurar
forum-delete = Excluir
forum-dismiss = Manter (descartar as denúncias)
forum-hidden = Ocultada pela moderação
forum-lock = Fechar o tópico
forum-unlock = Reabrir o tópico
forum-moderation = Moderação
forum-moderation-empty = Nenhuma denúncia para analisar.
forum-error-required = Este campo é obrigatório.
forum-error-too-long = É longo demais.
forum-error-category = Escolha uma das categorias, ou city:<slug> para o espaço da sua cidade.
forum-error-kind = Escolha question ou discussion.
forum-error-lang = Escolha en, es, pt ou fr.
forum-error-view = Escolha latest, unanswered ou answerable.
forum-error-one-filter = Use só um entre category, tag, view e author.
forum-error-cursor = Este cursor não veio de uma lista; recomece da primeira página.
forum-error-limit = Escolha um tamanho de página de 1 a 100.
forum-error-flag-reason = Escolha spam, abusive, off_topic, private_data ou other.
forum-error-locked = Este tópico está fechado: não aceita mais respostas.
forum-error-not-applicable = Isto não se aplica a esta publicação (é sua, ou não é uma resposta a esta pergunta).
forum-error-already-flagged = Você já denunciou esta publicação.
forum-error-title-reply = Só a publicação inicial tem título.
forum-error-too-many-posts = Contas novas podem publicar { $count } vezes por hora. Aguarde um pouco e tente de novo.
forum-error-too-fast = Você está publicando mais rápido do que o Peerhall permite. Tente de novo em { $minutes ->
    [one] um minuto
   *[other] { $minutes } minutos
}.
forum-tag-empty = Uma etiqueta não pode ficar vazia.
forum-tag-too-long = A etiqueta “{ $item }” tem mais de 32 caracteres.
forum-tag-bad-characters = A etiqueta “{ $item }” só aceita letras, dígitos, “-”, “.” e “+”.
forum-tag-too-many = Um tópico aceita no máximo 5 etiquetas.
forum-tag-unknown-criterion = “{ $item }” parece um código de critério, mas não existe no padrão.

## Forum feeds and roadmap threads

forum-feed-category = Fórum do Peerhall: { $category }
forum-feed-tag = Fórum do Peerhall: etiqueta { $tag }
forum-feed-link = Feed Atom
roadmap-step-threads = Tópicos do fórum sobre { $code }:
roadmap-step-all-threads = Todos os tópicos sobre { $code }
roadmap-step-ask = Perguntar sobre isto

## Forum: editing, history and moderation log
forum-edit = Editar
forum-edit-title = Editar publicação
forum-edit-save = Salvar alterações
forum-edit-history = As versões anteriores são guardadas e os moderadores podem lê-las.
forum-revisions-link = Versões anteriores
forum-revisions-title = Versões anteriores de uma publicação
forum-revisions-none = Esta publicação não foi editada.
forum-revisions-replaced = Substituída
forum-log-title = Registro de moderação
forum-log-empty = Ainda não há ações de moderação.
forum-log-caption = Ações de moderação, das mais recentes às mais antigas
forum-log-where = Tópico
forum-log-post-edit = Publicação editada
forum-log-post-delete = Publicação excluída
forum-log-post-hide = Publicação ocultada
forum-log-post-restore = Publicação restaurada
forum-log-thread-lock = Tópico trancado
forum-log-thread-unlock = Tópico destrancado
forum-log-thread-move = Tópico movido
forum-log-flags-dismiss = Denúncias descartadas
forum-log-other = Outra ação
forum-move-label = Mover para
forum-move = Mover tópico
admin-moderation-log = As ações de moderação do fórum estão no registro de moderação.


## Search
layout-nav-search = Buscar
search-title = Buscar no fórum
search-field-q = Buscar por
search-hint = Todas as palavras devem aparecer. Use "aspas" para uma frase exata (as palavras como escritas, nessa ordem), OR para uma ou outra palavra, -palavra para excluir, e filtros como area:dm, criterion:DM8, tag:gis, city:boston, author:ana-souza, lang:es, after:2026-01-01 ou is:solved.
search-filters = Filtros
search-field-area = Área de prática
search-any = Qualquer
search-field-lang = Idioma
search-field-is = Situação
search-is-solved = Resolvidas
search-is-unanswered = Sem resposta
search-field-after = A partir de (data)
search-field-before = Antes de (data)
search-field-sort = Ordem
search-sort-relevance = Mais relevantes primeiro
search-sort-latest = Mais recentes primeiro
search-submit = Buscar
search-results = Resultados
search-total = { $count ->
    [0] Nada corresponde a esta busca.
    [one] Uma publicação corresponde.
   *[other] { $count } publicações correspondem.
}
search-area-city = Espaço da cidade
search-facets = Refinar a busca
search-criteria = Critérios
search-pages = Páginas de resultados
search-previous = Página anterior
search-next = Próxima página

## Search: problems with a query
search-error-too-long = Esta busca é longa demais: use no máximo 500 caracteres e 32 palavras ou filtros.
search-error-unclosed-quote = Há aspas sem fechar: acrescente as aspas de fechamento " ou retire as de abertura.
search-error-unknown-filter = “{ $arg }:” não é um filtro. Use area:, tag:, criterion:, city:, author:, lang:, before:, after: ou is:.
search-error-negated-filter = Filtros não podem ser excluídos: retire o sinal de menos antes de “{ $arg }:”.
search-error-bad-area = “{ $arg }” não é uma área. Use dm, lc, od, pa, bf, rdc, ci, eval, general, announcements ou city.
search-error-bad-lang = “{ $arg }” não é um idioma do fórum. Use en, es, pt ou fr.
search-error-bad-date = “{ $arg }” não é uma data. Escreva as datas como AAAA-MM-DD, por exemplo 2026-01-31.
search-error-bad-is = “is:{ $arg }” não foi entendido. Use is:solved, is:unsolved ou is:unanswered.
search-error-dangling-or = OR precisa de uma palavra ou frase de cada lado, como em: gis OR mapas.
search-error-only-exclusions = Acrescente ao menos uma palavra ou um filtro a buscar: palavras com sinal de menos só deixam resultados de fora.
search-error-bad-sort = “{ $arg }” não é uma ordem. Use relevance ou latest.

## Dates and times (chrono strftime patterns)
format-date = %-d de %B de %Y
format-time = %H:%M %Z

# Weekly digest
profile-use-device-zone = Usar o fuso horário deste dispositivo: { $zone }
notice-subject = { $count } novas respostas, menções e aceitações no Peerhall
notice-why = Você recebe estes e-mails porque os avisos imediatos estão ativados no seu perfil do Peerhall (no máximo um a cada 15 minutos).
digest-preview-title = Seu próximo resumo
digest-preview-when = Ele sai toda { $day } às { $hour } ({ $zone }).
digest-preview-off = O resumo semanal está desativado.
digest-preview-empty = Ainda não há nada a contar: se nada acontecer antes do horário, nenhum resumo é enviado.
profile-digest-preview = Ver seu próximo resumo
digest-list-name = Resumo semanal do Peerhall
digest-subject = Sua semana no Peerhall: { $date }
digest-watched = Novidades no que você acompanha
digest-answers = Respostas às suas perguntas
digest-could-answer = Perguntas que você poderia responder
digest-could-answer-why = Perguntas sem resposta sobre critérios que { $city } cumpre.
digest-roadmap = Roteiro de { $city }
digest-level = Nível: { $level }
digest-level-none = Ainda não chegou a Prata
digest-next-level = { $count ->
    [one] Falta 1 critério para { $level }.
   *[other] Faltam { $count } critérios para { $level }.
}
digest-next-step = Próximo passo: { $step }
digest-gained = Novos critérios cumpridos: { $criteria }
digest-lost = Não mais cumpridos: { $criteria }
digest-peers = Cidades pares que alcançaram um nível
digest-peer-up = { $city } alcançou { $level }
digest-new-thread = novo tópico
digest-replies = { $count ->
    [one] 1 nova resposta
   *[other] { $count } novas respostas
}
digest-votes = { $count ->
    [one] 1 voto
   *[other] { $count } votos
}
digest-mentioned = você foi mencionado
digest-accepted = sua resposta foi aceita
digest-solved = resolvido
digest-more = …e mais { $count } no fórum
digest-why = Você recebe este resumo semanal porque ele está ativado no seu perfil do Peerhall.
digest-preferences = Mudar o dia, a hora ou o idioma
digest-unsubscribe = Cancelar o resumo semanal
unsubscribe-title = Cancelar o resumo semanal?
unsubscribe-explain = O resumo semanal para { $email } deixará de ser enviado. Links de acesso, convites e avisos sobre seus próprios tópicos continuam, e você pode reativar o resumo no seu perfil.
unsubscribe-button = Cancelar inscrição
unsubscribe-done-title = Inscrição cancelada
unsubscribe-done = Não enviaremos mais resumos semanais. Para voltar a recebê-los, ative o resumo no seu perfil.
unsubscribe-invalid-title = Este link não funciona
unsubscribe-invalid = O link de cancelamento está incompleto ou foi enviado para um endereço que mudou. Entre e altere suas preferências de e-mail no seu perfil.
