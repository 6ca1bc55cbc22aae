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

## Accounts
layout-sign-in = Iniciar sesión
layout-sign-out = Cerrar sesión
form-error-summary = Hay un problema
error-unauthorized = Inicie sesión, o envíe un token de API válido, para ver esto.
error-forbidden = No tiene acceso a esto.
error-csrf = Este formulario venció o no proviene de Peerhall. Vuelva atrás, recargue la página e inténtelo de nuevo.
error-gone = Este enlace venció o ya fue usado. Pida uno nuevo.
error-unprocessable = Algunos campos requieren atención: vea los campos para saber cuáles.
error-too-many-requests = Demasiadas solicitudes. Espere un momento y vuelva a intentarlo.
error-email-invalid = Escriba una dirección de correo como nombre@ciudad.gob.
error-email-too-long = Una dirección de correo tiene como máximo 254 caracteres.
error-display-name = Escriba un nombre de 1 a 100 caracteres.
error-language = Elija uno de los cuatro idiomas.
error-time-zone-invalid = Escriba una zona horaria como America/Bogota o America/Mexico_City.
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
profile-email-prefs-later = Aquí aparecerán las opciones del resumen semanal.
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
