// Texts of the console: Spanish first, English second. The choice is kept in localStorage ("cmw.lang").
// Static markup names its text with data-i18n (textContent), data-i18n-label (aria-label),
// data-i18n-placeholder and data-i18n-title; code calls t(key, values).

const STORAGE_KEY = 'cmw.lang';

const es = {
  'app.title': 'CallMyWay — Consola de agentes',
  'app.brand': 'CallMyWay · Consola',
  'app.skip': 'Saltar al contenido',
  'lang.switch': 'English',
  'lang.switchLabel': 'Cambiar el idioma a inglés',

  'login.title': 'Consola de agentes',
  'login.subtitle': 'Inicie sesión con su cuenta de agente.',
  'login.email': 'Correo electrónico',
  'login.password': 'Contraseña',
  'login.submit': 'Entrar',
  'login.busy': 'Entrando…',
  'login.failed': 'El correo o la contraseña no son correctos.',
  'login.tooMany': 'Demasiados intentos: espere un minuto y vuelva a intentarlo.',
  'login.required': 'Escriba el correo y la contraseña.',
  'logout': 'Salir',
  'whoami': '{name} · {role}',
  'role.level1': 'Nivel 1', 'role.level2': 'Nivel 2', 'role.level3': 'Nivel 3', 'role.admin': 'Administración',
  'session.expired': 'La sesión terminó: vuelva a entrar.',

  'nav.label': 'Secciones',
  'nav.cases': 'Casos',
  'nav.report': 'Informe SLA',
  'nav.agents': 'Agentes',
  'agents.title': 'Agentes', 'agents.new': 'Nuevo agente', 'agents.email': 'Correo', 'agents.name': 'Nombre', 'agents.role': 'Rol',
  'agents.password': 'Contraseña (12+)', 'agents.extension': 'Extensión', 'agents.sipPassword': 'Clave SIP (10+)', 'agents.create': 'Crear',
  'agents.col.agent': 'Agente', 'agents.col.role': 'Rol', 'agents.col.sip': 'Cuenta SIP', 'agents.col.phone': 'Teléfono registrado',
  'agents.col.extension': 'Extensión y clave SIP', 'agents.saveSip': 'Guardar', 'agents.sipSet': 'Configurada', 'agents.sipMissing': 'Sin cuenta',
  'agents.notRegistered': 'No registrado',

  'status.label': 'Mi estado',
  'status.available': 'Disponible',
  'status.away': 'Ausente',
  'status.busy': 'Ocupado',
  'status.wrapUp': 'Cierre de llamada',
  'status.offline': 'Desconectado',
  'status.changed': 'Su estado ahora es: {status}.',
  'status.failed': 'No se pudo cambiar el estado: {error}',

  'conn.connecting': 'Conectando…',
  'conn.connected': 'En línea',
  'conn.reconnecting': 'Reconectando…',
  'conn.disconnected': 'Sin conexión',
  'conn.label': 'Conexión en vivo: {state}',
  'conn.resynced': 'Conexión restablecida: tablero actualizado.',

  'alerts.button': 'Alertas SLA',
  'alerts.buttonCount': 'Alertas SLA: {count} nuevas',
  'alerts.title': 'Alertas SLA recibidas',
  'alerts.none': 'No hay alertas.',
  'alerts.close': 'Cerrar',
  'alerts.clear': 'Vaciar',
  'alert.warning': 'Aviso SLA · caso {number}: la {kind} vence a las {due}',
  'alert.breach': 'SLA vencido · caso {number}: la {kind} venció a las {due}',
  'alert.kind.attention': 'atención',
  'alert.kind.resolution': 'resolución',
  'toast.close': 'Cerrar aviso',
  'toast.open': 'Abrir caso {number}',

  'board.title': 'Llamadas en vivo',
  'board.count': '{count} activas',
  'board.empty': 'No hay llamadas en este momento.',
  'board.take': 'Tomar llamada',
  'board.taking': 'Tomando…',
  'board.takeLabel': 'Tomar la llamada de {caller}',
  'board.selectLabel': 'Ver la llamada de {caller}, {state}',
  'board.unknownCaller': 'Número oculto',
  'board.waiting': 'Espera {time}',
  'board.since': '{time}',
  'board.case': 'Caso {number}',
  'board.step': 'Paso: {step}',
  'board.takeSent': 'Se pidió la llamada de {caller}: su teléfono sonará.',
  'board.offeredTo': 'Ofrecida a {agent}',
  'board.connectedTo': 'Con {agent}',
  'board.you': 'usted',
  'announce.offeredToMe': 'Su teléfono está sonando: llamada de {caller}.',
  'pop.agent': 'Agente',
  'board.takeFailed': 'No se pudo tomar la llamada: {error}',
  'board.notConnected': 'No hay conexión en vivo con el servidor.',
  'announce.newCall': 'Llamada entrante de {caller} al número de {country}.',
  'announce.queued': 'Llamada en cola: {caller}.',
  'announce.offered': 'Llamada ofrecida: {caller}.',
  'announce.connected': 'Llamada conectada: {caller}.',

  'call.state.ringing': 'Sonando',
  'call.state.ivr': 'En IVR',
  'call.state.queued': 'En cola',
  'call.state.offered': 'Ofrecida',
  'call.state.connected': 'Conectada',
  'call.state.ended': 'Finalizada',

  'step.menu.open': 'Menú principal',
  'step.menu.closed': 'Menú (fuera de horario)',
  'step.incident.extension': 'Incidente · extensión',
  'step.incident.direction': 'Incidente · tráfico entrante/saliente',
  'step.incident.counterpart': 'Incidente · número contraparte',
  'step.incident.when': 'Incidente · cuándo ocurrió',
  'step.incident.users': 'Incidente · usuarios afectados',
  'step.incident.interruption': 'Incidente · nivel de interrupción',
  'step.activation.account': 'Activación · ID de cuenta',
  'step.activation.extension': 'Activación · extensión',
  'step.activation.direct-number': 'Activación · número directo',
  'step.activation.type': 'Activación · SIP o Teams',
  'step.activation.ring-group': 'Activación · grupo de timbrado',
  'step.activation.name': 'Activación · nombre hablado',
  'step.callback.offer': 'Ofrece devolución de llamada',
  'step.status.case-number': 'Estado de caso · número',

  'pop.title': 'Llamada de {caller}',
  'pop.none': 'Seleccione una llamada del tablero para ver quién llama.',
  'pop.gone': 'Esta llamada ya no está en curso.',
  'pop.did': 'Número marcado',
  'pop.state': 'Estado',
  'pop.step': 'Paso del IVR',
  'pop.since': 'En este estado desde',
  'pop.case': 'Caso abierto por el IVR',
  'pop.noCase': 'El IVR aún no ha abierto un caso.',
  'pop.history': 'Casos anteriores del llamante',
  'pop.noHistory': 'No hay casos con este número.',
  'pop.openCase': 'Abrir caso {number}',
  'pop.loading': 'Cargando…',

  'cases.title': 'Casos',
  'cases.filters': 'Filtros',
  'cases.filter.status': 'Estado',
  'cases.filter.kind': 'Tipo',
  'cases.filter.caller': 'Número del llamante',
  'cases.filter.any': 'Todos',
  'cases.filter.apply': 'Filtrar',
  'cases.filter.clear': 'Limpiar',
  'cases.empty': 'No hay casos con estos filtros.',
  'cases.count': '{count} casos',
  'cases.col.number': 'Caso',
  'cases.col.kind': 'Tipo',
  'cases.col.severity': 'Sev.',
  'cases.col.status': 'Estado',
  'cases.col.level': 'Nivel',
  'cases.col.caller': 'Llamante',
  'cases.col.country': 'País',
  'cases.col.sla': 'SLA',
  'cases.col.created': 'Creado',
  'cases.col.assignee': 'Asignado',
  'cases.back': '← Todos los casos',
  'cases.updatedLive': 'Caso {number} actualizado.',

  'kind.incident': 'Incidente', 'kind.activation': 'Activación', 'kind.inquiry': 'Consulta', 'kind.callback': 'Devolución de llamada',
  'caseStatus.new': 'Nuevo', 'caseStatus.awaitingInfo': 'Esperando información', 'caseStatus.open': 'Abierto',
  'caseStatus.inProgress': 'En curso', 'caseStatus.resolved': 'Resuelto', 'caseStatus.closed': 'Cerrado',
  'channel.phone': 'Teléfono', 'channel.click2call': 'Click2Call', 'channel.email': 'Correo', 'channel.webchat': 'Chat web', 'channel.whatsapp': 'WhatsApp',
  'users.one': 'Un usuario', 'users.several': 'Varios usuarios', 'users.all': 'Toda la empresa',
  'interruption.1': '1 · No funciona en absoluto', 'interruption.2': '2 · Gravemente afectado',
  'interruption.3': '3 · Afectado, puede trabajar', 'interruption.4': '4 · Sin impacto (consulta)',
  'direction.inbound': 'Entrante', 'direction.outbound': 'Saliente',
  'extensionType.sip': 'SIP', 'extensionType.teams': 'Microsoft Teams',
  'yes': 'Sí', 'no': 'No',
  'level': 'Nivel {level}',

  'case.title': 'Caso {number}',
  'case.loading': 'Cargando el caso…',
  'case.notFound': 'No se encontró el caso {number}.',
  'case.summary': 'Resumen',
  'case.field.kind': 'Tipo', 'case.field.severity': 'Severidad', 'case.field.status': 'Estado', 'case.field.level': 'Nivel',
  'case.field.channel': 'Canal', 'case.field.assignee': 'Asignado a', 'case.field.callerNumber': 'Número del llamante',
  'case.field.callerName': 'Nombre', 'case.field.callerEmail': 'Correo del cliente', 'case.field.did': 'Número marcado',
  'case.field.country': 'País', 'case.field.language': 'Idioma', 'case.field.subject': 'Asunto',
  'case.field.affectedUsers': 'Usuarios afectados', 'case.field.interruption': 'Interrupción',
  'case.field.createdAt': 'Creado', 'case.field.updatedAt': 'Actualizado',
  'case.unassigned': 'Sin asignar',
  'case.details': 'Datos del cliente',
  'case.noDetails': 'Sin datos todavía.',
  'detail.extension': 'Extensión o usuario', 'detail.direction': 'Tráfico', 'detail.counterpartNumber': 'Número contraparte',
  'detail.occurredAt': 'Fecha y hora aproximada', 'detail.accountId': 'ID de cuenta', 'detail.fullName': 'Nombre completo',
  'detail.directNumber': 'Número directo', 'detail.extensionType': 'Tipo de extensión', 'detail.teamsEmail': 'Correo de Teams',
  'detail.inRingGroup': 'En grupo de timbrado o cola', 'detail.ringGroup': 'Grupo de timbrado o cola', 'detail.description': 'Descripción',
  'case.missing': 'Falta información',
  'case.missingNone': 'La información está completa.',
  'case.fillMissing': 'Completar datos',
  'case.fillMissing.submit': 'Guardar datos',
  'case.sla': 'SLA',
  'sla.attention': 'Atención',
  'sla.resolution': 'Resolución',
  'sla.remaining': 'quedan {time}',
  'sla.overdue': 'vencido hace {time}',
  'sla.due': 'vence {due}',
  'sla.paused': 'en pausa (esperando al cliente)',
  'sla.notStarted': 'sin iniciar',
  'sla.metAt': 'cumplido {at}',
  'sla.met': 'cumplido',
  'sla.late': 'cumplido tarde',
  'sla.pausedShort': 'en pausa',
  'sla.lateAt': 'cumplido tarde {at}',
  'case.history': 'Historial',
  'case.public': 'Público',
  'case.publicLabel': 'Entrada visible para el cliente',
  'history.created': 'Creado', 'history.details': 'Datos', 'history.infoRequested': 'Información solicitada',
  'history.infoReceived': 'Información recibida', 'history.note': 'Nota', 'history.assigned': 'Asignación',
  'history.severity': 'Severidad', 'history.escalated': 'Escalado', 'history.resolved': 'Resuelto',
  'history.confirmed': 'Confirmado', 'history.reopened': 'Reabierto', 'history.slaWarning': 'Aviso SLA',
  'history.slaBreach': 'SLA vencido', 'history.status': 'Estado', 'history.closed': 'Cerrado',

  'actions.title': 'Acciones',
  'actions.done': 'Hecho: {action}.',
  'action.note': 'Nota', 'action.note.text': 'Texto de la nota', 'action.note.public': 'Pública (visible para el cliente)', 'action.note.submit': 'Añadir nota',
  'action.severity': 'Severidad', 'action.severity.reason': 'Motivo del cambio', 'action.severity.submit': 'Cambiar',
  'action.assign': 'Asignarme', 'action.start': 'Iniciar trabajo',
  'action.escalate': 'Escalar al siguiente nivel', 'action.escalate.text': 'Motivo del escalamiento', 'action.escalate.submit': 'Escalar',
  'action.requestInfo': 'Solicitar información', 'action.requestInfo.text': 'Qué se pide al cliente', 'action.requestInfo.submit': 'Solicitar',
  'action.infoReceived': 'Información recibida', 'action.infoReceived.text': 'Qué respondió el cliente', 'action.infoReceived.submit': 'Registrar',
  'action.resolve': 'Resolver', 'action.resolve.text': 'Descripción de la solución', 'action.resolve.submit': 'Marcar resuelto',
  'action.confirm': 'Confirmar cierre', 'action.confirm.text': 'Confirmación del cliente', 'action.confirm.submit': 'Cerrar caso',
  'action.reopen': 'Reabrir', 'action.reopen.text': 'Motivo de la reapertura', 'action.reopen.submit': 'Reabrir caso',
  'action.details': 'Completar datos',
  'action.failed': 'No se pudo: {error}',

  'report.title': 'Informe de cumplimiento SLA',
  'report.from': 'Desde',
  'report.to': 'Hasta',
  'report.submit': 'Consultar',
  'report.loading': 'Calculando…',
  'report.total': 'Total: {cases} casos · atención {attention} · resolución {resolution}',
  'report.bySeverity': 'Por severidad',
  'report.byCountry': 'Por país',
  'report.byChannel': 'Por canal',
  'report.byLevel': 'Por nivel',
  'report.attention': 'Atención',
  'report.resolution': 'Resolución',
  'report.none': 'sin datos',
  'report.empty': 'No hay casos en el periodo.',
  'report.data': 'Ver los datos',
  'report.col.key': 'Grupo',
  'report.col.cases': 'Casos',
  'report.col.attention': 'Atención: cumplidos / vencidos / en curso',
  'report.col.resolution': 'Resolución: cumplidos / vencidos / en curso',
  'report.chartLabel': 'Cumplimiento SLA {group}: {values}',
  'report.barLabel': '{key}, {series}: {value}',

  'error.network': 'No hay conexión con el servidor.',
  'error.generic': 'Error {status}',
};

const en = {
  'app.title': 'CallMyWay — Agent console',
  'app.brand': 'CallMyWay · Console',
  'app.skip': 'Skip to content',
  'lang.switch': 'Español',
  'lang.switchLabel': 'Switch the language to Spanish',

  'login.title': 'Agent console',
  'login.subtitle': 'Sign in with your agent account.',
  'login.email': 'E-mail',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.busy': 'Signing in…',
  'login.failed': 'The e-mail or the password is wrong.',
  'login.tooMany': 'Too many attempts: wait a minute and try again.',
  'login.required': 'Type the e-mail and the password.',
  'logout': 'Sign out',
  'whoami': '{name} · {role}',
  'role.level1': 'Level 1', 'role.level2': 'Level 2', 'role.level3': 'Level 3', 'role.admin': 'Administrator',
  'session.expired': 'Your session ended: please sign in again.',

  'nav.label': 'Sections',
  'nav.cases': 'Cases',
  'nav.report': 'SLA report',
  'nav.agents': 'Agents',
  'agents.title': 'Agents', 'agents.new': 'New agent', 'agents.email': 'E-mail', 'agents.name': 'Name', 'agents.role': 'Role',
  'agents.password': 'Password (12+)', 'agents.extension': 'Extension', 'agents.sipPassword': 'SIP password (10+)', 'agents.create': 'Create',
  'agents.col.agent': 'Agent', 'agents.col.role': 'Role', 'agents.col.sip': 'SIP account', 'agents.col.phone': 'Registered phone',
  'agents.col.extension': 'Extension and SIP password', 'agents.saveSip': 'Save', 'agents.sipSet': 'Set', 'agents.sipMissing': 'None',
  'agents.notRegistered': 'Not registered',

  'status.label': 'My status',
  'status.available': 'Available',
  'status.away': 'Away',
  'status.busy': 'Busy',
  'status.wrapUp': 'Wrap-up',
  'status.offline': 'Offline',
  'status.changed': 'Your status is now: {status}.',
  'status.failed': 'The status could not be changed: {error}',

  'conn.connecting': 'Connecting…',
  'conn.connected': 'Online',
  'conn.reconnecting': 'Reconnecting…',
  'conn.disconnected': 'Offline',
  'conn.label': 'Live connection: {state}',
  'conn.resynced': 'Connection restored: board refreshed.',

  'alerts.button': 'SLA alerts',
  'alerts.buttonCount': 'SLA alerts: {count} new',
  'alerts.title': 'SLA alerts received',
  'alerts.none': 'No alerts.',
  'alerts.close': 'Close',
  'alerts.clear': 'Clear',
  'alert.warning': 'SLA warning · case {number}: {kind} due at {due}',
  'alert.breach': 'SLA breached · case {number}: {kind} was due at {due}',
  'alert.kind.attention': 'attention',
  'alert.kind.resolution': 'resolution',
  'toast.close': 'Dismiss',
  'toast.open': 'Open case {number}',

  'board.title': 'Live calls',
  'board.count': '{count} active',
  'board.empty': 'No calls right now.',
  'board.take': 'Take call',
  'board.taking': 'Taking…',
  'board.takeLabel': 'Take the call from {caller}',
  'board.selectLabel': 'Show the call from {caller}, {state}',
  'board.unknownCaller': 'Withheld number',
  'board.waiting': 'Waiting {time}',
  'board.since': '{time}',
  'board.case': 'Case {number}',
  'board.step': 'Step: {step}',
  'board.takeSent': 'Asked for the call from {caller}: your phone will ring.',
  'board.offeredTo': 'Offered to {agent}',
  'board.connectedTo': 'With {agent}',
  'board.you': 'you',
  'announce.offeredToMe': 'Your phone is ringing: call from {caller}.',
  'pop.agent': 'Agent',
  'board.takeFailed': 'The call could not be taken: {error}',
  'board.notConnected': 'There is no live connection to the server.',
  'announce.newCall': 'Incoming call from {caller} to the {country} number.',
  'announce.queued': 'Call queued: {caller}.',
  'announce.offered': 'Call offered: {caller}.',
  'announce.connected': 'Call connected: {caller}.',

  'call.state.ringing': 'Ringing',
  'call.state.ivr': 'In IVR',
  'call.state.queued': 'Queued',
  'call.state.offered': 'Offered',
  'call.state.connected': 'Connected',
  'call.state.ended': 'Ended',

  'step.menu.open': 'Main menu',
  'step.menu.closed': 'Menu (closed hours)',
  'step.incident.extension': 'Incident · extension',
  'step.incident.direction': 'Incident · inbound/outbound traffic',
  'step.incident.counterpart': 'Incident · counterpart number',
  'step.incident.when': 'Incident · when it happened',
  'step.incident.users': 'Incident · users affected',
  'step.incident.interruption': 'Incident · interruption',
  'step.activation.account': 'Activation · account ID',
  'step.activation.extension': 'Activation · extension',
  'step.activation.direct-number': 'Activation · direct number',
  'step.activation.type': 'Activation · SIP or Teams',
  'step.activation.ring-group': 'Activation · ring group',
  'step.activation.name': 'Activation · spoken name',
  'step.callback.offer': 'Callback offer',
  'step.status.case-number': 'Case status · number',

  'pop.title': 'Call from {caller}',
  'pop.none': 'Select a call on the board to see who is calling.',
  'pop.gone': 'This call is no longer live.',
  'pop.did': 'Number dialled',
  'pop.state': 'State',
  'pop.step': 'IVR step',
  'pop.since': 'In this state since',
  'pop.case': 'Case opened by the IVR',
  'pop.noCase': 'The IVR has not opened a case yet.',
  'pop.history': "Caller's earlier cases",
  'pop.noHistory': 'No cases with this number.',
  'pop.openCase': 'Open case {number}',
  'pop.loading': 'Loading…',

  'cases.title': 'Cases',
  'cases.filters': 'Filters',
  'cases.filter.status': 'Status',
  'cases.filter.kind': 'Kind',
  'cases.filter.caller': 'Caller number',
  'cases.filter.any': 'All',
  'cases.filter.apply': 'Filter',
  'cases.filter.clear': 'Clear',
  'cases.empty': 'No cases match these filters.',
  'cases.count': '{count} cases',
  'cases.col.number': 'Case',
  'cases.col.kind': 'Kind',
  'cases.col.severity': 'Sev.',
  'cases.col.status': 'Status',
  'cases.col.level': 'Level',
  'cases.col.caller': 'Caller',
  'cases.col.country': 'Country',
  'cases.col.sla': 'SLA',
  'cases.col.created': 'Created',
  'cases.col.assignee': 'Assignee',
  'cases.back': '← All cases',
  'cases.updatedLive': 'Case {number} updated.',

  'kind.incident': 'Incident', 'kind.activation': 'Activation', 'kind.inquiry': 'Inquiry', 'kind.callback': 'Callback',
  'caseStatus.new': 'New', 'caseStatus.awaitingInfo': 'Awaiting information', 'caseStatus.open': 'Open',
  'caseStatus.inProgress': 'In progress', 'caseStatus.resolved': 'Resolved', 'caseStatus.closed': 'Closed',
  'channel.phone': 'Phone', 'channel.click2call': 'Click2Call', 'channel.email': 'E-mail', 'channel.webchat': 'Web chat', 'channel.whatsapp': 'WhatsApp',
  'users.one': 'One user', 'users.several': 'Several users', 'users.all': 'The whole company',
  'interruption.1': '1 · Not working at all', 'interruption.2': '2 · Seriously affected',
  'interruption.3': '3 · Affected, can keep working', 'interruption.4': '4 · No impact (a question)',
  'direction.inbound': 'Inbound', 'direction.outbound': 'Outbound',
  'extensionType.sip': 'SIP', 'extensionType.teams': 'Microsoft Teams',
  'yes': 'Yes', 'no': 'No',
  'level': 'Level {level}',

  'case.title': 'Case {number}',
  'case.loading': 'Loading the case…',
  'case.notFound': 'Case {number} was not found.',
  'case.summary': 'Summary',
  'case.field.kind': 'Kind', 'case.field.severity': 'Severity', 'case.field.status': 'Status', 'case.field.level': 'Level',
  'case.field.channel': 'Channel', 'case.field.assignee': 'Assigned to', 'case.field.callerNumber': 'Caller number',
  'case.field.callerName': 'Name', 'case.field.callerEmail': "Customer's e-mail", 'case.field.did': 'Number dialled',
  'case.field.country': 'Country', 'case.field.language': 'Language', 'case.field.subject': 'Subject',
  'case.field.affectedUsers': 'Users affected', 'case.field.interruption': 'Interruption',
  'case.field.createdAt': 'Created', 'case.field.updatedAt': 'Updated',
  'case.unassigned': 'Unassigned',
  'case.details': "Customer's information",
  'case.noDetails': 'No information yet.',
  'detail.extension': 'Extension or user', 'detail.direction': 'Traffic', 'detail.counterpartNumber': 'Counterpart number',
  'detail.occurredAt': 'Approximate date and time', 'detail.accountId': 'Account ID', 'detail.fullName': 'Full name',
  'detail.directNumber': 'Direct number', 'detail.extensionType': 'Extension type', 'detail.teamsEmail': 'Teams e-mail',
  'detail.inRingGroup': 'In a ring group or queue', 'detail.ringGroup': 'Ring group or queue', 'detail.description': 'Description',
  'case.missing': 'Missing information',
  'case.missingNone': 'The information is complete.',
  'case.fillMissing': 'Complete the information',
  'case.fillMissing.submit': 'Save information',
  'case.sla': 'SLA',
  'sla.attention': 'Attention',
  'sla.resolution': 'Resolution',
  'sla.remaining': '{time} left',
  'sla.overdue': 'overdue by {time}',
  'sla.due': 'due {due}',
  'sla.paused': 'paused (waiting for the customer)',
  'sla.notStarted': 'not started',
  'sla.metAt': 'met {at}',
  'sla.met': 'met',
  'sla.late': 'met late',
  'sla.pausedShort': 'paused',
  'sla.lateAt': 'met late {at}',
  'case.history': 'History',
  'case.public': 'Public',
  'case.publicLabel': 'Entry the customer can see',
  'history.created': 'Created', 'history.details': 'Information', 'history.infoRequested': 'Information requested',
  'history.infoReceived': 'Information received', 'history.note': 'Note', 'history.assigned': 'Assignment',
  'history.severity': 'Severity', 'history.escalated': 'Escalated', 'history.resolved': 'Resolved',
  'history.confirmed': 'Confirmed', 'history.reopened': 'Reopened', 'history.slaWarning': 'SLA warning',
  'history.slaBreach': 'SLA breached', 'history.status': 'Status', 'history.closed': 'Closed',

  'actions.title': 'Actions',
  'actions.done': 'Done: {action}.',
  'action.note': 'Note', 'action.note.text': 'Note text', 'action.note.public': 'Public (the customer can see it)', 'action.note.submit': 'Add note',
  'action.severity': 'Severity', 'action.severity.reason': 'Reason for the change', 'action.severity.submit': 'Change',
  'action.assign': 'Assign to me', 'action.start': 'Start work',
  'action.escalate': 'Escalate to the next level', 'action.escalate.text': 'Reason for escalating', 'action.escalate.submit': 'Escalate',
  'action.requestInfo': 'Request information', 'action.requestInfo.text': 'What the customer is asked', 'action.requestInfo.submit': 'Request',
  'action.infoReceived': 'Information received', 'action.infoReceived.text': 'What the customer answered', 'action.infoReceived.submit': 'Record',
  'action.resolve': 'Resolve', 'action.resolve.text': 'How it was solved', 'action.resolve.submit': 'Mark resolved',
  'action.confirm': 'Confirm closing', 'action.confirm.text': "Customer's confirmation", 'action.confirm.submit': 'Close case',
  'action.reopen': 'Reopen', 'action.reopen.text': 'Reason for reopening', 'action.reopen.submit': 'Reopen case',
  'action.details': 'Complete information',
  'action.failed': 'Not done: {error}',

  'report.title': 'SLA compliance report',
  'report.from': 'From',
  'report.to': 'To',
  'report.submit': 'Show',
  'report.loading': 'Computing…',
  'report.total': 'Total: {cases} cases · attention {attention} · resolution {resolution}',
  'report.bySeverity': 'By severity',
  'report.byCountry': 'By country',
  'report.byChannel': 'By channel',
  'report.byLevel': 'By level',
  'report.attention': 'Attention',
  'report.resolution': 'Resolution',
  'report.none': 'no data',
  'report.empty': 'No cases in the period.',
  'report.data': 'Show the data',
  'report.col.key': 'Group',
  'report.col.cases': 'Cases',
  'report.col.attention': 'Attention: met / breached / running',
  'report.col.resolution': 'Resolution: met / breached / running',
  'report.chartLabel': 'SLA compliance {group}: {values}',
  'report.barLabel': '{key}, {series}: {value}',

  'error.network': 'The server cannot be reached.',
  'error.generic': 'Error {status}',
};

const dictionaries = { es, en };
const listeners = new Set();

let current = (() => {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'es' || saved === 'en') return saved;
  } catch { /* storage unavailable: Spanish */ }
  return 'es';
})();

export const lang = () => current;
export const locale = () => (current === 'es' ? 'es-MX' : 'en-US');

/** The text for key in the current language, with {name} placeholders filled; the key itself when unknown. */
export function t(key, values = {}) {
  const text = dictionaries[current][key] ?? dictionaries.es[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (values[name] ?? `{${name}}`));
}

/** t(prefix + value), or the raw value when there is no text for it (an enum value the console does not know yet). */
export function label(prefix, value) {
  if (value === null || value === undefined || value === '') return '—';
  const key = prefix + value;
  return dictionaries[current][key] ?? dictionaries.es[key] ?? String(value);
}

export function setLang(next) {
  if (next !== 'es' && next !== 'en') return;
  current = next;
  try { localStorage.setItem(STORAGE_KEY, next); } catch { /* ignore */ }
  applyStatic(document);
  for (const listener of listeners) listener(next);
}

export const onLangChange = (listener) => listeners.add(listener);

/** Fills the static markup's texts (data-i18n attributes) in the current language. */
export function applyStatic(root) {
  document.documentElement.lang = current;
  document.title = t('app.title');
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', t(el.dataset.i18nLabel));
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.setAttribute('placeholder', t(el.dataset.i18nPlaceholder));
  for (const el of root.querySelectorAll('[data-i18n-title]')) el.setAttribute('title', t(el.dataset.i18nTitle));
  // The language buttons name the other language in that language ("English", "Español").
  for (const el of root.querySelectorAll('.lang-toggle')) el.setAttribute('lang', current === 'es' ? 'en' : 'es');
}

/** A country's name from its ISO code in the current language (MX → México). */
export function countryName(code) {
  if (!code) return '—';
  try {
    return new Intl.DisplayNames([locale()], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function formatDateTime(iso) {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : date.toLocaleString(locale(), { dateStyle: 'short', timeStyle: 'short' });
}

export function formatTime(iso) {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : date.toLocaleTimeString(locale(), { hour: '2-digit', minute: '2-digit' });
}

export function formatPercent(value) {
  return value === null || value === undefined ? t('report.none') : `${Number(value).toLocaleString(locale(), { maximumFractionDigits: 1 })} %`;
}
