## Layout
layout-skip = Saltar al contenido principal
layout-nav-main = Principal
layout-nav-home = Inicio
layout-nav-standard = El estándar
layout-nav-forum = Foro
layout-nav-language = Idioma
layout-footer = Peerhall { $version } · para ciudades que trabajan con el estándar de certificación What Works Cities

## Errors
error-not-found = No encontramos lo que buscaba.
error-field-not-found = no encontrado
error-invalid-body = El cuerpo de la solicitud no es válido: vea los campos para saber dónde.
error-invalid-query = Los parámetros de la consulta no son válidos: vea los campos para saber dónde.
error-invalid-path = La dirección no es válida: vea los campos para saber dónde.
error-unsupported-media-type = Esta solicitud requiere un cuerpo JSON (Content-Type: application/json).
error-payload-too-large = El archivo enviado es demasiado grande.
error-unavailable = El servicio no está disponible por un momento. Vuelva a intentarlo en breve.
error-internal = Algo falló de nuestro lado. Quedó registrado; vuelva a intentarlo.
error-field-missing = Este campo es obligatorio.
error-field-unknown = Este campo no se reconoce aquí.
error-field-duplicate = Este campo aparece dos veces.
error-value-unknown = «{ $value }» no es uno de los valores aceptados: { $expected }.
error-value-type = Este valor tiene un tipo incorrecto (texto, número, lista…).
error-value-invalid = Este valor no es válido aquí.
error-json-syntax = El JSON está mal formado en la línea { $line }, columna { $column }.
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
standard-broadband-thresholds = Umbral: { $us } % de los hogares en Estados Unidos y Canadá, { $latam } % en América Latina.
standard-pm25-target = Meta en este servicio: { $target } µg/m³.
standard-areas-heading = Áreas de práctica y criterios
standard-areas-nav = Áreas de práctica
standard-guidance = Guía práctica

## Accounts
layout-sign-in = Iniciar sesión
layout-sign-out = Cerrar sesión
form-error-summary = Hay un problema
error-unauthorized = Inicie sesión, o envíe un token de API válido, para ver esto.
error-forbidden = No tiene acceso a esto.
error-csrf = Este formulario venció o no proviene de Peerhall. Vuelva atrás, recargue la página e inténtelo de nuevo.
error-gone = Este enlace venció o ya fue usado. Pida uno nuevo.
error-conflict = Esto no se puede hacer ahora: los campos indican por qué.
error-unprocessable = Algunos campos requieren atención: vea los campos para saber cuáles.
error-too-many-requests = Demasiadas solicitudes. Espere un momento y vuelva a intentarlo.
error-email-invalid = Escriba una dirección de correo como nombre@ciudad.gob.
error-email-too-long = Una dirección de correo tiene como máximo 254 caracteres.
error-display-name = Escriba un nombre de 1 a 100 caracteres.
error-language = Elija uno de los cuatro idiomas.
error-time-zone-invalid = Escriba una zona horaria como America/Bogota o America/Mexico_City.
error-digest-day = Elija un día: mon, tue, wed, thu, fri, sat o sun.
error-digest-hour = Elija una hora de 0 a 23.
sign-in-title = Iniciar sesión
sign-in-intro = Escriba su correo y le enviaremos un enlace para iniciar sesión. El enlace funciona una sola vez, durante 15 minutos.
sign-in-email = Correo electrónico
sign-in-send = Enviarme un enlace para iniciar sesión
sign-in-check-title = Revise su correo
sign-in-check-body = Si existe una cuenta con esa dirección, le enviamos un enlace para iniciar sesión. Funciona una sola vez, durante 15 minutos.
sign-in-slow-down-title = Vaya más despacio
sign-in-confirm-title = Termine de iniciar sesión
sign-in-confirm-body = Pulse el botón para iniciar sesión en este dispositivo.
sign-in-confirm-button = Iniciar sesión
mail-greeting = Hola, { $name }:
mail-sign-in-subject = Su enlace para iniciar sesión en Peerhall
mail-sign-in-body = Use este enlace para iniciar sesión en Peerhall. Funciona una sola vez, durante 15 minutos.
mail-sign-in-button = Iniciar sesión en Peerhall
mail-sign-in-ignore = Si usted no pidió iniciar sesión, ignore este correo: sin el enlace no pasa nada.
profile-title = Su perfil
profile-saved = Sus cambios quedaron guardados.
profile-email = Correo electrónico
profile-city = Ciudad
profile-role = Rol
profile-preferences = Preferencias
profile-display-name = Nombre
profile-language = Idioma
profile-time-zone = Zona horaria
profile-time-zone-hint = Un nombre IANA, como America/Bogota, America/Santiago o America/Mexico_City.
profile-save = Guardar
profile-email-prefs = Preferencias de correo
profile-digest = Enviarme el resumen semanal
profile-digest-day = Día del resumen
profile-digest-hour = Hora del resumen
profile-digest-hour-hint = En su zona horaria, indicada arriba.
profile-notify-immediately = Avisarme al momento de respuestas, menciones y respuestas aceptadas (como mucho un correo cada 15 minutos)
profile-undeliverable = No se pudo entregar el correo a { $email }, así que Peerhall dejó de enviarlo.
profile-undeliverable-help = El servidor de destino lo rechazó de forma definitiva. Pida a su equipo de TI que acepte el correo de Peerhall, o a un administrador que cambie su dirección; el correo se reanuda con una dirección nueva.
role-member = Miembro
role-city-admin = Administrador de la ciudad
role-moderator = Moderador
role-program-admin = Administrador del programa
tokens-title = Tokens de API
tokens-intro = Los tokens permiten que sus scripts usen la API de Peerhall en su nombre (Authorization: Bearer). Trátelos como contraseñas.
tokens-created = Su nuevo token, que se muestra solo esta vez:
tokens-none = No tiene tokens de API.
tokens-caption = Sus tokens de API
tokens-name = Nombre
tokens-created-at = Creado
tokens-last-used = Último uso
tokens-never = nunca
tokens-actions = Acciones
tokens-revoke = Revocar
tokens-revoke-named = Revocar el token { $name }
tokens-new-name = Nombre de un nuevo token
tokens-create = Crear un token
tokens-default-name = token
people-title = Personas de { $city }
people-caption = Todas las personas con cuenta en esta ciudad
people-invite = Invitar a un colega
people-send-invitation = Enviar la invitación
people-invited = La invitación va en camino.
error-invite-role = Elija miembro o administrador de la ciudad.
error-invite-exists = Esta dirección ya tiene una cuenta.
invitation-title = Bienvenido a Peerhall
invitation-intro = Elija su nombre, idioma y zona horaria; luego quedará con la sesión iniciada.
invitation-accept = Aceptar e iniciar sesión
mail-invitation-subject = Lo invitan a Peerhall por { $city }
mail-invitation-body = { $inviter } lo invita a unirse a { $city } en Peerhall, donde las ciudades que trabajan con el estándar What Works Cities planifican sus próximos pasos y aprenden de sus pares.
mail-invitation-button = Aceptar la invitación
mail-invitation-expiry = El enlace funciona una sola vez, durante 7 días.
error-city-slug = Use minúsculas, dígitos y guiones simples, como porto-alegre.
error-city-name = Escriba un nombre de 1 a 100 caracteres.
error-city-country = Use el código ISO de país de dos letras en mayúsculas, como BR.
error-city-region = Elija Estados Unidos y Canadá, o América Latina.
error-city-population = La población no puede ser negativa.
error-city-exists = Ya existe una ciudad con este identificador.
layout-admin = Administración
layout-people = Personas
layout-roadmap = Hoja de ruta
layout-peers = Pares
error-role = Elija uno de los cuatro roles.
error-invite-city = Elija la ciudad para la que trabaja esta persona.
admin-title = Administración del programa
admin-city-created = La ciudad quedó creada.
admin-new-city = Agregar una ciudad
admin-city-slug = Identificador (se usa en las direcciones)
admin-city-name = Nombre
admin-city-country = Código de país (ISO, dos letras)
admin-city-region = Región
region-us-canada = Estados Unidos y Canadá
region-latin-america = América Latina
admin-city-population = Población
admin-city-language = Idioma principal
admin-city-discoverable = Otras ciudades pueden ver su nivel y los criterios que cumple
admin-create-city = Agregar la ciudad
admin-invite = Invitar a alguien
admin-invite-city-hint = Obligatoria para miembros y administradores de ciudad; déjela vacía para moderadores y personal del programa.
admin-audit = Registro de auditoría
admin-audit-caption = Los 50 cambios más recientes en roles, invitaciones, ciudades y tokens
admin-audit-when = Cuándo
admin-audit-who = Quién
admin-audit-what = Acción
admin-audit-subject = Objeto
admin-audit-detail = Detalle
admin-audit-cli = la línea de comandos
sign-in-password-heading = O inicie sesión con su contraseña
sign-in-password = Contraseña
sign-in-with-password = Iniciar sesión con contraseña
error-password-wrong = Ese correo y esa contraseña no corresponden a una cuenta con contraseña.
error-password-length = Una contraseña tiene de 12 a 200 caracteres.
error-password-confirm = Las dos contraseñas no son iguales.
profile-password = Contraseña (opcional)
profile-password-hint = Los enlaces por correo siempre funcionan; una contraseña de 12 caracteres o más es otra forma de entrar.
profile-new-password = Nueva contraseña
profile-confirm-password = La misma contraseña otra vez
profile-set-password = Guardar la contraseña
people-settings = Configuración de la ciudad

## Carga de autoevaluaciones: problemas
intake-at-cell = Línea { $line }, columna «{ $column }»: { $problem }
intake-at-line = Línea { $line }: { $problem }
intake-unknown-code = «{ $code }» no es un criterio de este estándar.
intake-duplicate = { $code } tiene más de una respuesta; deje solo una.
intake-bad-status = { $code }: «{ $status }» no es un estado; use met, in_progress o not_started.
intake-evidence-long = { $code }: la nota de evidencia supera los { $max } caracteres.
intake-bad-url = { $code }: el enlace de evidencia debe ser una dirección http:// o https:// completa de { $max } caracteres como máximo.
intake-missing = { $code } no tiene respuesta: cada criterio necesita una (met, in_progress o not_started).
intake-outcome-duplicate = { $name } aparece más de una vez.
intake-out-of-range = { $name } debe estar entre { $min } y { $max }.
intake-not-a-number = { $name }: «{ $value }» no es un número.
intake-unknown-outcome = «{ $name }» no es un resultado; use broadband_pct, pm25_ugm3 o los campos priority_.
intake-bad-direction = «{ $value }» no es una dirección; use at_least o at_most.
intake-indicator-long = El nombre del indicador supera los { $max } caracteres.
intake-priority-incomplete = El resultado propio de la ciudad también necesita { $name }.
intake-unknown-area = «{ $code }» no es un área de práctica.
intake-unknown-standard = «{ $standard }» no es un estándar que Peerhall conozca.
intake-csv-header = La primera línea debe nombrar las columnas: code,status,evidence (evidence_url es opcional).
intake-csv-unreadable = Esto no es un CSV legible: { $detail }
intake-content-type = Envíe la autoevaluación como application/json o como text/csv.

## Roadmap
status-met = Cumplido
status-in-progress = En curso
status-not-started = Sin iniciar
roadmap-title = Hoja de ruta de { $city }
roadmap-summary-heading = Resumen
roadmap-summary = { $met } de { $total } criterios cumplidos ({ $percent } %).
roadmap-level = Nivel alcanzado: { $level }.
roadmap-not-certified = Todavía sin nivel de certificación.
roadmap-not-certified-short = Sin certificar
roadmap-next-level = { $needed ->
    [one] Falta un criterio para { $level }.
   *[other] Faltan { $needed } criterios para { $level }.
}
roadmap-no-opportunities = Ninguna área de práctica está por debajo de la mediana de los pares.
roadmap-top-level = Platino es el nivel más alto: mantenga todos los criterios cumplidos.
roadmap-outcome-met = Al menos un resultado cumple su estándar.
roadmap-outcome-not-met = Ningún resultado cumple todavía su estándar: la certificación necesita uno.
roadmap-eligible = { $city } puede postularse a la certificación: al menos 30.000 habitantes, en las Américas.
roadmap-ineligible = { $city } todavía no puede postularse a la certificación:
roadmap-ineligible-population = el programa pide al menos 30.000 habitantes;
roadmap-ineligible-country = el programa está abierto a ciudades de Estados Unidos, Canadá, México, Centroamérica y Sudamérica.
roadmap-submitted = Según la autoevaluación enviada el { $date }.
roadmap-csv = Descargar los pasos (CSV)
roadmap-standing-heading = Dónde está su ciudad
roadmap-strengths = Fortalezas
roadmap-opportunities = Oportunidades
roadmap-area-vs-peers = { $area }: { $percent } % cumplido; mediana de las ciudades pares { $median } %.
roadmap-no-peers = Todavía ninguna ciudad par visible tiene una autoevaluación con la que comparar.
roadmap-leading = Criterios que su ciudad cumple y menos de la mitad de sus pares:
roadmap-equity-heading = Equidad
roadmap-equity-intro = Datos desagregados, voz de los residentes y diversidad de proveedores: { $met } de { $total } criterios cumplidos.
roadmap-steps-heading = Próximos pasos
roadmap-no-steps = Todos los criterios se cumplen y un resultado cumple su estándar: manténgalos así.
roadmap-toward = cuenta para { $level }
roadmap-horizon = en { $months } meses
roadmap-why-outcome = La certificación necesita al menos un resultado que cumpla su estándar: informe banda ancha, calidad del aire o una prioridad propia.
roadmap-why-in-progress = Ya está en marcha: terminarlo es el avance más rápido.
roadmap-why-finishes-area = El último criterio pendiente en { $area }: cumplirlo completa el área.
roadmap-why-priority-area = En { $area }, un área que marcó como prioridad.
roadmap-why-closest-area = El siguiente en { $area }, entre las áreas más cerca de completarse.
roadmap-why-balance = Mantiene en marcha { $area }, para que ninguna área quede atrás.
roadmap-outcome-step = Cumplir un estándar de resultado
roadmap-progress-heading = Avance
roadmap-changes = Desde la autoevaluación del { $date }:
roadmap-gained = Ganados
roadmap-lost = Perdidos
roadmap-no-changes = Sin cambios en los criterios cumplidos.
roadmap-first = Es la primera autoevaluación de la ciudad.
roadmap-history-caption = Criterios cumplidos en cada autoevaluación
roadmap-chart-desc = Una línea con los criterios cumplidos en cada autoevaluación, de la más antigua a la más reciente, con los umbrales de Plata, Oro y Platino en líneas discontinuas.
roadmap-chart-table-note = La tabla siguiente da las mismas cifras.
roadmap-areas-caption = Proporción de criterios cumplidos, por área de práctica
roadmap-areas-legend = Barras: su ciudad. Marcas naranjas: la mediana de las ciudades pares visibles. La tabla siguiente da las mismas cifras.
roadmap-col-date = Fecha
roadmap-col-met = Criterios cumplidos
roadmap-col-level = Nivel
roadmap-col-area = Área de práctica
roadmap-col-city = Su ciudad
roadmap-col-median = Mediana de los pares
roadmap-col-criterion = Criterio
roadmap-col-status = Estado
roadmap-none-title = Todavía no hay autoevaluación
roadmap-none-body = { $city } todavía no ha enviado una autoevaluación. Su hoja de ruta aparece después de la primera.

## Assessment form
assessment-form-title = Autoevaluación: { $city }
assessment-form-intro = Todas las personas de su ciudad trabajan sobre un mismo borrador compartido. Guarde cuantas veces quiera: cada guardado conserva solo lo que usted cambió, así nunca se pierden las respuestas de un colega. Envíelo cuando cada criterio tenga respuesta.
assessment-answered = { $answered } de { $total } criterios respondidos.
assessment-draft-saved-by = Borrador guardado por última vez el { $when } por { $name }.
assessment-draft-saved = Borrador guardado por última vez el { $when }.
assessment-draft-from = Las respuestas parten de su evaluación del { $date }.
assessment-draft-new = Aún no hay respuestas: es la primera autoevaluación de su ciudad.
assessment-saved = Borrador guardado.
assessment-overwritten = Un colega también había cambiado estos campos desde que usted abrió el formulario; sus respuestas reemplazaron las de él: { $fields }.
assessment-areas-nav = Áreas de práctica
assessment-about = Qué pide este criterio
assessment-evidence = Nota de evidencia (opcional)
assessment-evidence-url = Enlace a la evidencia (opcional)
assessment-save = Guardar borrador
assessment-outcomes = Resultados
assessment-outcomes-hint = Para la certificación, al menos un resultado debe cumplir su estándar. Deje en blanco lo que no mide.
assessment-broadband = Hogares con suscripción de banda ancha (%)
assessment-pm25 = Concentración media anual de partículas finas, PM2.5 (µg/m³)
assessment-priority = Resultado prioritario propio de su ciudad (opcional)
assessment-priority-hint = Alineado con un Objetivo de Desarrollo Sostenible de la ONU: indique el objetivo, el indicador, la meta y el valor actual, o deje todos en blanco.
assessment-priority-sdg = Objetivo de Desarrollo Sostenible (1 a 17)
assessment-priority-indicator = Indicador
assessment-priority-target = Meta
assessment-priority-value = Valor actual
assessment-priority-direction = El resultado se cumple cuando el valor está
direction-at-least = en la meta o por encima
direction-at-most = en la meta o por debajo
assessment-priorities = Áreas de práctica que su ciudad prioriza
assessment-priorities-hint = Los pasos de estas áreas aparecen antes en su hoja de ruta.
assessment-submit-heading = Enviar
assessment-submit-hint = Al enviar se guardan sus cambios, se revisan todas las respuestas y, si todo está bien, se registra la evaluación y se actualiza su hoja de ruta. Una evaluación enviada no se puede cambiar: la siguiente parte de ella.
assessment-submit = Enviar la evaluación
assessment-upload-heading = O suba un archivo CSV
assessment-upload-hint = Una línea por criterio con las columnas code, status y evidence (evidence_url es opcional); los resultados como líneas adicionales llamadas broadband_pct, pm25_ugm3 o priority_…, con el valor en la columna status. El archivo se revisa completo y se envía de una vez.
assessment-upload-file = Archivo CSV
assessment-upload = Subir y enviar
assessment-upload-missing = Elija un archivo CSV para subir.
roadmap-edit-assessment = Actualizar la autoevaluación

## Peers
peers-title = Ciudades pares de { $city }
peers-intro = Las ciudades más parecidas a la suya, según sus últimas autoevaluaciones. Solo aparecen las ciudades que eligieron ser visibles.
peers-like-you = Ciudades como la suya
peers-like-you-hint = Las ciudades más parecidas, primero las que están un nivel por encima.
peers-can-help = Ciudades a las que puede ayudar
peers-can-help-hint = Ciudades visibles que aún no cumplen criterios que su ciudad cumple.
peers-none = Todavía no hay ciudades visibles que coincidan.
peers-criterion-heading = Ciudades pares para un criterio
peers-criterion-label = Criterio
peers-criterion-show = Mostrar las ciudades pares
peers-criterion-results = Ciudades que cumplen { $code }
peers-bad-limit = El límite debe estar entre 1 y { $max }.
peers-reason-meets-since = cumple { $code } desde { $year }
peers-reason-meets = cumple { $code }
peers-reason-level-ahead = un nivel por encima ({ $level })
peers-reason-same-level = mismo nivel ({ $level })
peers-reason-in-common = { $common } de sus { $of } criterios en común
peers-reason-similar-size = tamaño similar
peers-reason-language = { $language ->
    [es] también hispanohablante
    [pt] también de habla portuguesa
    [fr] también francófona
   *[en] también de habla inglesa
}
peers-reason-region = { $region ->
    [latin_america] también en América Latina
   *[us_canada] también en Estados Unidos y Canadá
}
peers-reason-can-help = { $count ->
    [one] le falta un criterio que la suya cumple
   *[other] le faltan { $count } criterios que la suya cumple
}
roadmap-step-peers = Ciudades como la suya que cumplen { $code }:

## Introductions between peer cities
city-accepts-introductions = Las ciudades pares pueden pedirnos una presentación
intro-ask-link = Pedir una presentación a { $city }
intro-ask-title = Pedir una presentación a { $city }
intro-ask-explain = Peerhall escribirá a quienes responden por { $city }. Si aceptan, ambas partes verán el nombre y el correo de la otra aquí y por correo electrónico.
intro-closed = { $city } no acepta solicitudes de presentación por ahora.
intro-about = Sobre:
intro-message-label = Una nota para ellos (opcional)
intro-message-hint = Qué le gustaría aprender y quién es usted. Como máximo { $max } caracteres.
intro-message-too-long = La nota es demasiado larga: acórtela a 2000 caracteres o menos.
intro-ask-send = Enviar la solicitud
intro-back-to-peers = Volver a sus pares
intro-already-asked = Su ciudad ya pidió una presentación a esta ciudad.
intro-declined-recently = Esta ciudad rechazó la solicitud de su ciudad hace menos de 90 días.
intro-too-many = { $count ->
    [one] Puede pedir una presentación al día. Vuelva a intentarlo mañana.
   *[other] Puede pedir { $count } presentaciones al día. Vuelva a intentarlo mañana.
}
intro-no-one = Todavía nadie puede responder por esta ciudad en Peerhall, así que por ahora no se le puede pedir.
intro-see-earlier = Ver la solicitud anterior
intro-title = Presentación: { $from } y { $to }
intro-asked = Su solicitud fue enviada. Recibirá un correo cuando respondan.
intro-already-answered = Esta solicitud ya fue respondida.
intro-asked-by = Solicitada por { $person } ({ $city }) el { $date }.
intro-answered-on = respondida el { $date }
intro-status-pending = En espera de respuesta
intro-status-accepted = Aceptada
intro-status-declined = Rechazada
intro-answer-explain = Si acepta, ambas ciudades verán el contacto de la otra aquí y por correo electrónico. Si la rechaza, se les informará sin dar ningún motivo.
intro-accept = Aceptar
intro-decline = Rechazar
intro-waiting = En espera de la respuesta de { $city }.
intro-program-team = el equipo del programa Peerhall
intro-contacts = Contactos
intro-contacts-explain = Escríbanse directamente. Un hilo privado del foro para sus dos ciudades reemplazará esto cuando abra el foro.
intro-section = Presentaciones
intro-received = Pedidas a su ciudad
intro-sent = Pedidas por su ciudad
intro-none = Ninguna por ahora.
intro-mail-request-subject = { $from } pide a { $to } una presentación
intro-mail-request-body = { $topic ->
    [none] { $person }, de { $from }, quisiera ser presentado/a a { $to }.
   *[other] { $person }, de { $from }, quisiera ser presentado/a a { $to } para aprender cómo trabajan { $topic }.
}
intro-mail-request-contacts = Si acepta, ambas partes recibirán el nombre y el correo de la otra. Recibe este mensaje porque responde por esta ciudad en Peerhall.
intro-mail-request-button = Aceptar o rechazar
intro-mail-accepted-subject = Presentación aceptada: { $city }
intro-mail-accepted-body = { $to } aceptó su solicitud. Puede escribir a { $person } en { $email }.
intro-mail-declined-subject = Presentación rechazada: { $city }
intro-mail-declined-body = { $to } rechazó su solicitud esta vez.
intro-mail-copy-body = Usted aceptó la solicitud de { $from }. Puede escribir a { $person } en { $email }.
intro-mail-see = Ver la presentación

## Forum

forum-title = Foro
forum-intro = Pregunte a colegas de otras ciudades cómo lo hicieron y encuentre lo que ya se respondió.
forum-views = Vistas del foro
forum-latest = Recientes
forum-unanswered = Sin respuesta
forum-unanswered-intro = Preguntas que nadie ha respondido todavía.
forum-answerable = Preguntas que puede responder
forum-answerable-intro = Preguntas abiertas sobre criterios que su ciudad cumple.
forum-spaces = Espacios
forum-category-general = General
forum-category-announcements = Anuncios
forum-city-space = { $city } (privado)
forum-city-space-intro = Solo las personas de su ciudad y el equipo del programa ven este espacio.
forum-new-thread = Iniciar un tema
forum-post-thread = Publicar el tema
forum-similar-check = Buscar antes preguntas parecidas
forum-similar-title = Preguntas parecidas
forum-similar-hint = Quizá alguien ya lo preguntó. Estos temas tienen títulos parecidos al suyo:
forum-similar-none = No hay preguntas parecidas. Puede publicar la suya.
similar-error-empty = Escriba primero un título o algunas palabras: con ellas se buscan las preguntas parecidas.
similar-error-limit = Pida entre 1 y 20 temas.
forum-no-threads = Todavía no hay temas aquí.
forum-older = Anteriores
forum-more-replies = Más respuestas
forum-solved = Resuelto
forum-locked = Cerrado
forum-unread = Sin leer
forum-replies = { $count ->
    [one] 1 respuesta
   *[other] { $count } respuestas
}
forum-votes = { $count ->
    [one] 1 voto
   *[other] { $count } votos
}
forum-tags = Etiquetas
forum-tag-title = Etiqueta: { $tag }
forum-person-title = Actividad de { $person }
forum-former-member = Un antiguo miembro
forum-kind-question = Pregunta
forum-kind-discussion = Debate
forum-post-opening = Pregunta de
forum-post-accepted = Respuesta aceptada de
forum-post-reply = Respuesta de
forum-vote = Votar a favor
forum-unvote = Retirar el voto
forum-accept = Aceptar esta respuesta
forum-flag = Denunciar
forum-reply-heading = Su respuesta
forum-field-reply = Respuesta
forum-reply-send = Publicar la respuesta
forum-reply-staff-only = Solo el equipo del programa publica aquí.
forum-markdown-hint = Admite Markdown: **negrita**, listas, enlaces. Mencione a alguien con @usuario.
forum-field-category = Dónde
forum-field-kind = Tipo
forum-field-title = Título
forum-field-body = Su pregunta o mensaje
forum-field-tags = Etiquetas (opcional)
forum-tags-hint = Hasta 5, separadas por comas: códigos de criterio como dm1 y sus propias palabras.
forum-field-lang = Idioma
forum-watch-heading = Seguimiento de este tema
forum-watch-label = Avisarme
forum-watch-watching = De cada respuesta
forum-watch-normal = Solo cuando me mencionen o me respondan
forum-watch-muted = Nunca
forum-watch-save = Guardar
forum-notifications = Notificaciones
forum-notifications-count = { $count ->
    [0] Notificaciones
   *[other] Notificaciones ({ $count })
}
forum-notifications-none = No hay nada nuevo.
forum-notifications-mark-read = Marcar todo como leído
forum-event-reply = { $person } respondió en «{ $title }»
forum-event-mention = { $person } le mencionó en «{ $title }»
forum-event-accepted = { $person } aceptó su respuesta en «{ $title }»
forum-event-new-thread = { $person } inició «{ $title }»
forum-flag-title = Denunciar una publicación a la moderación
forum-flag-reason = ¿Por qué?
forum-flag-spam = Spam o publicidad
forum-flag-abusive = Abusiva o irrespetuosa
forum-flag-off-topic = Fuera de tema
forum-flag-private-data = Comparte datos privados o personales
forum-flag-other = Otro motivo (indíquelo abajo)
forum-flag-note = Nota para la moderación
forum-flag-send = Enviar la denuncia
forum-flagged-notice = Gracias: la moderación lo revisará.
forum-back-to-thread = Volver al tema
forum-hide = Ocultar
forum-restore = Restaurar
forum-delete = Eliminar
forum-dismiss = Mantener (descartar las denuncias)
forum-hidden = Oculta por la moderación
forum-lock = Cerrar el tema
forum-unlock = Reabrir el tema
forum-moderation = Moderación
forum-moderation-empty = No hay denuncias por revisar.
forum-error-required = Este campo es obligatorio.
forum-error-too-long = Es demasiado largo.
forum-error-category = Elija una de las categorías, o city:<slug> para el espacio de su ciudad.
forum-error-kind = Elija question o discussion.
forum-error-lang = Elija en, es, pt o fr.
forum-error-view = Elija latest, unanswered o answerable.
forum-error-one-filter = Use solo uno de category, tag, view y author.
forum-error-cursor = Este cursor no proviene de una lista; vuelva a la primera página.
forum-error-limit = Elija un tamaño de página de 1 a 100.
forum-error-flag-reason = Elija spam, abusive, off_topic, private_data u other.
forum-error-locked = Este tema está cerrado: no admite más respuestas.
forum-error-not-applicable = No se puede hacer con esta publicación (es suya, o no es una respuesta a esta pregunta).
forum-error-already-flagged = Ya denunció esta publicación.
forum-error-title-reply = Solo la publicación inicial tiene título.
forum-error-too-many-posts = Las cuentas nuevas pueden publicar { $count } veces por hora. Espere un poco y vuelva a intentarlo.
forum-error-too-fast = Está publicando más rápido de lo que Peerhall permite. Vuelva a intentarlo en { $minutes ->
    [one] un minuto
   *[other] { $minutes } minutos
}.
forum-tag-empty = Una etiqueta no puede estar vacía.
forum-tag-too-long = La etiqueta «{ $item }» tiene más de 32 caracteres.
forum-tag-bad-characters = La etiqueta «{ $item }» solo admite letras, dígitos, «-», «.» y «+».
forum-tag-too-many = Un tema admite como máximo 5 etiquetas.
forum-tag-unknown-criterion = «{ $item }» parece un código de criterio, pero no existe en el estándar.

## Forum feeds and roadmap threads

forum-feed-category = Foro de Peerhall: { $category }
forum-feed-tag = Foro de Peerhall: etiqueta { $tag }
forum-feed-link = Canal Atom
roadmap-step-threads = Temas del foro sobre { $code }:
roadmap-step-all-threads = Todos los temas sobre { $code }
roadmap-step-ask = Preguntar sobre esto

## Forum: editing, history and moderation log
forum-edit = Editar
forum-edit-title = Editar publicación
forum-edit-save = Guardar cambios
forum-edit-history = Las versiones anteriores se conservan y los moderadores pueden leerlas.
forum-revisions-link = Versiones anteriores
forum-revisions-title = Versiones anteriores de una publicación
forum-revisions-none = Esta publicación no se ha editado.
forum-revisions-replaced = Reemplazada
forum-log-title = Registro de moderación
forum-log-empty = Todavía no hay acciones de moderación.
forum-log-caption = Acciones de moderación, las más recientes primero
forum-log-where = Hilo
forum-log-post-edit = Publicación editada
forum-log-post-delete = Publicación eliminada
forum-log-post-hide = Publicación ocultada
forum-log-post-restore = Publicación restaurada
forum-log-thread-lock = Hilo cerrado
forum-log-thread-unlock = Hilo reabierto
forum-log-thread-move = Hilo movido
forum-log-flags-dismiss = Denuncias descartadas
forum-log-other = Otra acción
forum-move-label = Mover a
forum-move = Mover hilo
admin-moderation-log = Las acciones de moderación del foro están en el registro de moderación.


## Search
layout-nav-search = Buscar
search-title = Buscar en el foro
search-field-q = Buscar
search-hint = Deben aparecer todas las palabras. Use "comillas" para una frase exacta (las palabras tal como se escriben, en ese orden), OR para una u otra palabra, -palabra para excluir, y filtros como area:dm, criterion:DM8, tag:gis, city:boston, author:ana-souza, lang:es, after:2026-01-01 o is:solved.
search-filters = Filtros
search-field-area = Área de práctica
search-any = Cualquiera
search-field-lang = Idioma
search-field-is = Estado
search-is-solved = Resueltas
search-is-unanswered = Sin respuesta
search-field-after = Desde (fecha)
search-field-before = Antes de (fecha)
search-field-sort = Orden
search-sort-relevance = Más relevantes primero
search-sort-latest = Más recientes primero
search-submit = Buscar
search-results = Resultados
search-total = { $count ->
    [0] Nada coincide con esta búsqueda.
    [one] Coincide una publicación.
   *[other] Coinciden { $count } publicaciones.
}
search-area-city = Espacio de la ciudad
search-facets = Afinar la búsqueda
search-criteria = Criterios
search-pages = Páginas de resultados
search-previous = Página anterior
search-next = Página siguiente

## Search: problems with a query
search-error-too-long = Esta búsqueda es demasiado larga: use como máximo 500 caracteres y 32 palabras o filtros.
search-error-unclosed-quote = Unas comillas no están cerradas: agregue las comillas de cierre " o quite las de apertura.
search-error-unknown-filter = «{ $arg }:» no es un filtro. Use area:, tag:, criterion:, city:, author:, lang:, before:, after: o is:.
search-error-negated-filter = Los filtros no se pueden excluir: quite el signo menos delante de «{ $arg }:».
search-error-bad-area = «{ $arg }» no es un área. Use dm, lc, od, pa, bf, rdc, ci, eval, general, announcements o city.
search-error-bad-lang = «{ $arg }» no es un idioma del foro. Use en, es, pt o fr.
search-error-bad-date = «{ $arg }» no es una fecha. Escriba las fechas como AAAA-MM-DD, por ejemplo 2026-01-31.
search-error-bad-is = No se entiende «is:{ $arg }». Use is:solved, is:unsolved o is:unanswered.
search-error-dangling-or = OR necesita una palabra o frase a cada lado, como en: gis OR mapas.
search-error-only-exclusions = Agregue al menos una palabra o un filtro que buscar: las palabras con signo menos solo descartan resultados.
search-error-bad-sort = «{ $arg }» no es un orden. Use relevance o latest.

## Dates and times (chrono strftime patterns)
format-date = %-d de %B de %Y
format-time = %H:%M %Z

# Weekly digest
profile-use-device-zone = Usar la zona horaria de este dispositivo: { $zone }
notice-subject = { $count } respuestas, menciones y aceptaciones nuevas en Peerhall
notice-why = Recibe estos correos porque los avisos inmediatos están activados en su perfil de Peerhall (como mucho uno cada 15 minutos).
digest-preview-title = Su próximo resumen
digest-preview-when = Se envía cada { $day } a las { $hour } ({ $zone }).
digest-preview-off = El resumen semanal está desactivado.
digest-preview-empty = Aún no hay nada que contar: si nada ocurre antes de la hora, no se envía ningún resumen.
profile-digest-preview = Ver su próximo resumen
digest-list-name = Resumen semanal de Peerhall
digest-subject = Su semana en Peerhall: { $date }
digest-watched = Novedades en lo que sigue
digest-answers = Respuestas a sus preguntas
digest-could-answer = Preguntas que usted podría responder
digest-could-answer-why = Preguntas sin respuesta sobre criterios que { $city } cumple.
digest-roadmap = Hoja de ruta de { $city }
digest-level = Nivel: { $level }
digest-level-none = Aún no alcanza Plata
digest-next-level = { $count ->
    [one] Falta 1 criterio para { $level }.
   *[other] Faltan { $count } criterios para { $level }.
}
digest-next-step = Próximo paso: { $step }
digest-gained = Nuevos criterios cumplidos: { $criteria }
digest-lost = Ya no cumplidos: { $criteria }
digest-peers = Ciudades pares que alcanzaron un nivel
digest-peer-up = { $city } alcanzó { $level }
digest-new-thread = tema nuevo
digest-replies = { $count ->
    [one] 1 respuesta nueva
   *[other] { $count } respuestas nuevas
}
digest-votes = { $count ->
    [one] 1 voto
   *[other] { $count } votos
}
digest-mentioned = le mencionaron
digest-accepted = aceptaron su respuesta
digest-solved = resuelto
digest-more = …y { $count } más en el foro
digest-why = Recibe este resumen semanal porque está activado en su perfil de Peerhall.
digest-preferences = Cambiar el día, la hora o el idioma
digest-unsubscribe = Darse de baja del resumen semanal
unsubscribe-title = ¿Darse de baja del resumen semanal?
unsubscribe-explain = Dejaremos de enviar el resumen semanal a { $email }. Los enlaces de acceso, las invitaciones y los avisos sobre sus propios temas no cambian, y puede volver a activar el resumen en su perfil.
unsubscribe-button = Darse de baja
unsubscribe-done-title = Se ha dado de baja
unsubscribe-done = No le enviaremos más resúmenes semanales. Para volver a recibirlos, actívelos en su perfil.
unsubscribe-invalid-title = Este enlace no funciona
unsubscribe-invalid = El enlace para darse de baja está incompleto o se envió a una dirección que ha cambiado. Inicie sesión y cambie sus preferencias de correo en su perfil.
