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
