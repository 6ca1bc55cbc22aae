## Layout
layout-skip = Pular para o conteúdo principal
layout-nav-main = Principal
layout-nav-home = Início
layout-nav-standard = O padrão
layout-nav-language = Idioma
layout-footer = Peerhall { $version } · para cidades que trabalham com o padrão de certificação What Works Cities

## Errors
error-not-found = Não encontramos o que você procurava.
error-field-not-found = não encontrado
error-invalid-body = O corpo da requisição não é válido: veja os campos para saber onde.
error-invalid-query = Os parâmetros da consulta não são válidos: veja os campos para saber onde.
error-invalid-path = O endereço não é válido: veja os campos para saber onde.
error-unsupported-media-type = Esta requisição precisa de um corpo JSON (Content-Type: application/json).
error-unavailable = O serviço está indisponível por um momento. Tente novamente em instantes.
error-internal = Algo deu errado do nosso lado. O erro foi registrado; tente novamente.
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
standard-broadband-thresholds = Limite: { $us } % dos domicílios nos Estados Unidos e no Canadá, { $latam } % na América Latina.
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
error-unprocessable = Alguns campos precisam de atenção: veja os campos para saber quais.
error-too-many-requests = Solicitações demais. Aguarde um pouco e tente de novo.
error-email-invalid = Digite um endereço de e-mail como nome@cidade.gov.br.
error-email-too-long = Um endereço de e-mail tem no máximo 254 caracteres.
error-display-name = Digite um nome de 1 a 100 caracteres.
error-language = Escolha um dos quatro idiomas.
error-time-zone-invalid = Digite um fuso horário como America/Sao_Paulo ou America/Recife.
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
profile-email-prefs-later = As opções do resumo semanal aparecerão aqui.
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
