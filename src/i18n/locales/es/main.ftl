## Layout
layout-skip = Saltar al contenido principal
layout-nav-main = Principal
layout-nav-home = Inicio
layout-nav-standard = El estándar
layout-nav-language = Idioma
layout-footer = Peerhall { $version } · para ciudades que trabajan con el estándar de certificación What Works Cities

## Errors
error-not-found = No encontramos lo que buscaba.
error-field-not-found = no encontrado
error-invalid-body = El cuerpo de la solicitud no es válido: vea los campos para saber dónde.
error-invalid-query = Los parámetros de la consulta no son válidos: vea los campos para saber dónde.
error-invalid-path = La dirección no es válida: vea los campos para saber dónde.
error-unsupported-media-type = Esta solicitud requiere un cuerpo JSON (Content-Type: application/json).
error-unavailable = El servicio no está disponible por un momento. Vuelva a intentarlo en breve.
error-internal = Algo falló de nuestro lado. Quedó registrado; vuelva a intentarlo.
error-page-title = Lo sentimos
error-page-home = Ir a la página de inicio

## Home
home-title = Peerhall
home-lead = Donde el personal municipal ve qué tan cerca está de la certificación What Works Cities, qué hacer a continuación y quién ya lo logró.
home-jobs-heading = Qué hace Peerhall
home-job-roadmaps = Hojas de ruta: califique su autoevaluación y vea su nivel y una lista ordenada de próximos pasos.
home-job-peers = Pares: para cada paso, las ciudades más parecidas a la suya que ya lo hacen bien.
home-job-forum = Foro: preguntas y respuestas entre profesionales, en cuatro idiomas.
home-job-digests = Resúmenes: un correo semanal con las novedades de lo que usted sigue.
home-read-standard = Lea los criterios y la guía del estándar
home-cities-heading = Ciudades
home-cities-summary = { $cities ->
    [one] Una ciudad
   *[other] { $cities } ciudades
} en Peerhall, { $certified } certificadas; { $assessments ->
    [one] una autoevaluación enviada
   *[other] { $assessments } autoevaluaciones enviadas
}.
home-no-cities = Todavía no hay ciudades certificadas aquí.
home-cities-caption = Ciudades certificadas, del nivel más alto al más bajo
home-col-city = Ciudad
home-col-country = País
home-col-level = Nivel
home-col-year = Desde
demo-banner-title = Datos de demostración.
demo-banner = Las ciudades certificadas y sus años provienen de anuncios públicos; las respuestas y el historial de autoevaluaciones que se muestran aquí son sintéticos, y las ciudades aún no certificadas son ficticias.
demo-tag = demo

## Standard
standard-criteria-count = { $count } criterios en { $areas } áreas de práctica. Un punto por criterio cumplido; el nivel depende de la proporción de criterios cumplidos.
standard-levels-heading = Niveles de certificación
standard-levels-caption = Criterios que una ciudad debe cumplir para cada nivel
standard-level = Nivel
standard-min-percent = Proporción mínima
standard-min-met = Mínimo de criterios cumplidos
standard-min-met-value = { $met } de { $total }
standard-outcomes-heading = Resultados
standard-outcomes-intro = Además de las prácticas, la ciudad debe alcanzar un estándar reconocido internacionalmente en al menos uno de estos resultados.
standard-broadband-thresholds = Umbral: { $us } % de los hogares en Estados Unidos y Canadá, { $latam } % en América Latina.
standard-pm25-target = Meta en este servicio: { $target } µg/m³.
standard-areas-heading = Áreas de práctica y criterios
standard-areas-nav = Áreas de práctica
standard-guidance = Guía práctica
