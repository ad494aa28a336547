// Drag-and-drop workflow designer. Plain browser JavaScript with no build step: the palette comes from
// GET /workflows/activities; a flowchart is saved as a draft (PUT /workflows/{id}/draft) and published from it
// (POST /workflows/{id}/publish); the lifecycle (unpublish, delete, versions and rollback) and the shipped templates
// use the same API. The server's validation errors (problem details) are shown as they are.
'use strict';

const NODE_WIDTH = 180;
const $ = (id) => document.getElementById(id);

const state = {
  descriptors: new Map(),
  workflow: emptyWorkflow(),
  selectedNode: null,
  selectedEdge: null,
  // The account's workflows by id, as GET /workflows/ lists them (status, version, hasDraft).
  summaries: new Map(),
  templates: [],
};

function emptyWorkflow() {
  return { id: '', name: '', allowReentry: false, activities: [], connections: [] };
}

// ---- API -----------------------------------------------------------------

// Opened from the operator app (?account=…&workflow=…) the signed-in person's cookie is the credential, not a key:
// apiKey() then stands for the session (so the page connects at once) and api() sends no key.
function apiKey() {
  return new URLSearchParams(location.search).has('account') ? 'operator session' : $('api-key').value.trim();
}

async function api(method, path, body) {
  const account = new URLSearchParams(location.search).get('account');
  // With the session: the account to act in, and the antiforgery token connect() fetched (a change without it is refused).
  const headers = account === null ? { 'Authorization': `Bearer ${apiKey()}` }
    : state.antiforgery ? { [state.antiforgery.headerName]: state.antiforgery.token } : {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const url = account === null ? path : `${path}${path.includes('?') ? '&' : '?'}locationId=${encodeURIComponent(account)}`;
  const response = await fetch(url, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) {
    const error = new Error(json?.detail || json?.title || `HTTP ${response.status}`);
    error.problem = json;
    error.status = response.status;
    throw error;
  }
  return json;
}

const workflowPath = (id, rest = '') => `/workflows/${encodeURIComponent(id)}${rest}`;

function setStatus(message, kind) {
  const status = $('status');
  status.textContent = message;
  status.className = kind || '';
}

function showErrors(errors) {
  const list = $('errors');
  list.replaceChildren(...(errors || []).map((e) => Object.assign(document.createElement('li'), { textContent: e })));
  $('problems').hidden = list.children.length === 0;
}

// What a failed request says: the problem's errors when it lists them (a 422 of validation), else its detail.
function problemErrors(e) {
  const errors = e.problem?.errors;
  if (Array.isArray(errors) && errors.length) return errors;
  if (errors && typeof errors === 'object') return Object.entries(errors).flatMap(([k, v]) => [].concat(v).map((m) => `${k}: ${m}`));
  return e.problem?.detail ? [e.problem.detail] : [];
}

function failed(what, e) {
  showErrors(problemErrors(e));
  setStatus(`${what}: ${e.problem?.title || e.message}`, 'error');
}

// ---- Palette ---------------------------------------------------------------

async function connect() {
  const session = new URLSearchParams(location.search);
  if (!session.has('account')) localStorage.setItem('dnd-api-key', apiKey());
  try {
    if (session.has('account')) state.antiforgery = await api('GET', '/app/antiforgery');
    const { activities } = await api('GET', '/workflows/activities');
    state.descriptors = new Map(activities.map((a) => [a.type, a]));
    renderPalette(activities);
    await refreshWorkflowList();
    await refreshTemplates();
    render();
    setStatus('Connected', 'ok');
    if (session.get('workflow')) await openWorkflow(session.get('workflow'));
  } catch (e) {
    setStatus(`Cannot connect: ${e.message}`, 'error');
  }
}

function renderPalette(activities) {
  const palette = $('palette');
  palette.replaceChildren();
  const byCategory = Map.groupBy ? Map.groupBy(activities, (a) => a.category) : group(activities);
  for (const [category, items] of byCategory) {
    const headingId = `palette-group-${category.replace(/\W+/g, '-')}`;
    palette.append(Object.assign(document.createElement('h3'), { className: 'palette-group', textContent: category, id: headingId }));
    const list = document.createElement('ul');
    list.className = 'palette-list';
    list.setAttribute('aria-labelledby', headingId);
    for (const d of items) {
      // A real button: a press adds the activity (keyboard), a drag places it where it is dropped (mouse).
      const item = document.createElement('button');
      item.type = 'button';
      item.className = 'palette-item';
      item.draggable = true;
      item.dataset.type = d.type;
      item.dataset.testid = `palette-${d.type}`;
      item.setAttribute('aria-label', `Add ${d.displayName}`);
      const descriptionId = `palette-description-${d.type}`;
      item.setAttribute('aria-describedby', descriptionId);
      item.innerHTML = `${escapeHtml(d.displayName)}<small id="${descriptionId}">${escapeHtml(d.description)}</small>`;
      item.addEventListener('dragstart', (e) => e.dataTransfer.setData('text/plain', d.type));
      item.addEventListener('click', () => addActivity(d.type, ...nextFreePosition(), { focus: true }));
      const li = document.createElement('li');
      li.append(item);
      list.append(li);
    }
    palette.append(list);
  }
}

function group(items) {
  const map = new Map();
  for (const item of items) map.set(item.category, [...(map.get(item.category) || []), item]);
  return map;
}

// Below the lowest activity, for one added with the keyboard.
function nextFreePosition() {
  const bottom = Math.max(-100, ...state.workflow.activities.map((a) => a.position?.y ?? 0));
  return [40, bottom + 140];
}

// ---- The account's workflows and templates -----------------------------------

function describeSummary(w) {
  const draft = w.hasDraft ? ', draft saved' : '';
  switch (w.status) {
    case 'draft': return 'draft, never published';
    case 'unpublished': return `unpublished, version ${w.version}${draft}`;
    default: return `published, version ${w.version}${draft}`;
  }
}

async function refreshWorkflowList() {
  const { workflows } = await api('GET', '/workflows/');
  state.summaries = new Map(workflows.map((w) => [w.id, w]));
  const select = $('workflow-list');
  select.replaceChildren(new Option('— choose a workflow —', ''),
    ...workflows.map((w) => new Option(`${w.name || w.id} (${describeSummary(w)})`, w.id)));
  select.value = state.summaries.has(currentId()) ? currentId() : '';
  updateActions();
  renderTemplates();
}

function currentId() {
  return $('wf-id').value.trim();
}

// The buttons a person can use for the workflow in the Id box, and a line saying where it stands.
function updateActions() {
  const summary = state.summaries.get(currentId());
  $('unpublish').disabled = summary?.status !== 'published';
  $('delete').disabled = !summary;
  $('wf-state').textContent = !currentId() ? 'Not saved yet'
    : !summary ? 'New: not saved yet'
    : summary.status === 'draft' ? 'Draft: never published'
    : `${summary.status === 'unpublished' ? 'Unpublished' : 'Published'}: version ${summary.version}${summary.hasDraft ? '; a draft of changes is saved' : ''}`;
}

async function refreshTemplates() {
  const { templates } = await api('GET', '/workflows/templates');
  state.templates = templates;
  renderTemplates();
}

function renderTemplates() {
  const list = $('templates');
  list.replaceChildren();
  $('templates-empty').hidden = state.templates.length > 0;
  $('templates-empty').textContent = 'No templates are offered.';
  for (const t of state.templates) {
    const li = document.createElement('li');
    li.className = 'template';
    const steps = t.definition.activities.length;
    const name = document.createElement('span');
    name.className = 'template-name';
    name.textContent = t.name;
    const about = Object.assign(document.createElement('small'), { textContent: `${t.id}: ${steps} ${steps === 1 ? 'activity' : 'activities'}` });
    li.append(name, about);
    if (state.summaries.has(t.id)) {
      li.append(button('Open', () => openWorkflow(t.id), `Open ${t.name}`, `open-template-${t.id}`));
    } else {
      li.append(button('Install', () => installTemplate(t), `Install ${t.name}`, `install-template-${t.id}`));
    }
    list.append(li);
  }
}

async function installTemplate(template) {
  try {
    const installed = await api('POST', `/workflows/templates/${encodeURIComponent(template.id)}/install`);
    load(installed);
    await refreshWorkflowList();
    await refreshVersions();
    setStatus(`Installed ${installed.name} as ${installed.id} version ${installed.version}`, 'ok');
  } catch (e) {
    failed(`Not installed`, e);
  }
}

// ---- Versions --------------------------------------------------------------------

function describeSource(source) {
  const rollback = /^rollback of (\d+)$/.exec(source);
  if (rollback) return `Rollback to version ${rollback[1]}`;
  if (source.startsWith('template:')) return `Template ${source.slice('template:'.length)}`;
  if (source.startsWith('file:')) return `File ${source.slice('file:'.length)}`;
  return { api: 'Published by API', draft: 'Published draft' }[source] ?? source;
}

async function refreshVersions() {
  const id = currentId();
  const table = $('versions');
  const body = table.tBodies[0];
  body.replaceChildren();
  const empty = $('versions-empty');
  const summary = state.summaries.get(id);
  if (!id || !summary || summary.status === 'draft') {
    table.hidden = true;
    empty.hidden = false;
    empty.textContent = !id || !summary ? 'Open or publish a workflow to see its versions.' : 'Not published yet: no versions.';
    return;
  }
  let versions;
  try {
    ({ versions } = await api('GET', workflowPath(id, '/versions')));
  } catch (e) {
    table.hidden = true;
    empty.hidden = false;
    empty.textContent = `Versions not available: ${e.message}`;
    return;
  }
  for (const v of [...versions].reverse()) {
    const row = body.insertRow();
    const header = document.createElement('th');
    header.scope = 'row';
    header.textContent = `Version ${v.version}${v.isLatest ? ` (latest, ${summary.status})` : ''}`;
    row.append(header);
    row.insertCell().textContent = describeSource(v.source);
    const when = document.createElement('time');
    when.dateTime = v.publishedAt;
    when.textContent = new Date(v.publishedAt).toLocaleString();
    row.insertCell().append(when);
    const actions = row.insertCell();
    actions.className = 'actions';
    actions.append(button('Open', () => openVersion(id, v.version), `Open version ${v.version}`));
    if (!v.isLatest) actions.append(button('Roll back', () => rollback(id, v.version), `Roll back to version ${v.version}`));
  }
  table.hidden = false;
  empty.hidden = true;
}

async function openVersion(id, version) {
  try {
    load(await api('GET', workflowPath(id, `?version=${version}`)));
    setStatus(`Opened ${id} version ${version}; publishing it makes it the next version`, 'ok');
  } catch (e) {
    failed('Cannot open the version', e);
  }
}

async function rollback(id, version) {
  try {
    const published = await api('POST', workflowPath(id, '/rollback'), { version });
    load(published);
    await refreshWorkflowList();
    await refreshVersions();
    setStatus(`Rolled back ${id}: version ${published.version} is a copy of version ${version}`, 'ok');
  } catch (e) {
    failed('Not rolled back', e);
  }
}

// ---- Model edits -------------------------------------------------------------

function addActivity(type, x, y, { focus = false } = {}) {
  const descriptor = state.descriptors.get(type);
  const prefix = type.replace(/[A-Z]/g, (c, i) => (i ? '-' : '') + c.toLowerCase());
  let n = 1;
  while (state.workflow.activities.some((a) => a.id === `${prefix}-${n}`)) n++;
  const properties = {};
  for (const p of descriptor.properties) {
    if (p.default !== null && p.default !== undefined) properties[p.name] = p.default;
  }
  const activity = { id: `${prefix}-${n}`, type, properties, position: { x: Math.max(0, x), y: Math.max(0, y) } };
  state.workflow.activities.push(activity);
  select(activity.id);
  if (focus) $('inspector').querySelector('h3')?.focus();
}

function connectActivities(source, outcome, target) {
  if (source === target) return;
  const connections = state.workflow.connections.filter((c) => !(c.source === source && c.outcome === outcome));
  if (target) connections.push({ source, outcome, target });
  state.workflow.connections = connections;
  render();
}

function removeActivity(id) {
  state.workflow.activities = state.workflow.activities.filter((a) => a.id !== id);
  state.workflow.connections = state.workflow.connections.filter((c) => c.source !== id && c.target !== id);
  state.selectedNode = null;
  render();
}

function renameActivity(activity, newId) {
  if (!newId || state.workflow.activities.some((a) => a.id === newId)) return false;
  for (const c of state.workflow.connections) {
    if (c.source === activity.id) c.source = newId;
    if (c.target === activity.id) c.target = newId;
  }
  activity.id = newId;
  state.selectedNode = newId;
  return true;
}

function select(id) {
  state.selectedNode = id;
  state.selectedEdge = null;
  render();
}

// ---- Rendering ----------------------------------------------------------------

// Re-rendering replaces elements; the one that had the focus (by its focus key) gets it back, for keyboard users.
function render() {
  const focusKey = document.activeElement?.dataset?.focusKey;
  renderNodes();
  renderEdges();
  renderInspector();
  if (focusKey) document.querySelector(`[data-focus-key="${CSS.escape(focusKey)}"]`)?.focus();
}

function renderNodes() {
  const canvas = $('canvas');
  canvas.querySelectorAll('.node').forEach((n) => n.remove());
  for (const activity of state.workflow.activities) {
    const descriptor = state.descriptors.get(activity.type);
    const node = document.createElement('div');
    node.className = `node${descriptor?.isTrigger ? ' trigger' : ''}${state.selectedNode === activity.id ? ' selected' : ''}`;
    node.dataset.nodeId = activity.id;
    node.dataset.testid = `node-${activity.id}`;
    node.style.left = `${activity.position?.x ?? 20}px`;
    node.style.top = `${activity.position?.y ?? 20}px`;
    const title = document.createElement('button');
    title.type = 'button';
    title.className = 'title';
    title.textContent = descriptor?.displayName ?? activity.type;
    title.setAttribute('aria-label', `${activity.id}: ${descriptor?.displayName ?? activity.type}`);
    title.setAttribute('aria-pressed', String(state.selectedNode === activity.id));
    title.dataset.focusKey = `node:${activity.id}`;
    title.addEventListener('pointerdown', (e) => startMoving(e, activity, node));
    node.append(title, Object.assign(document.createElement('div'), { className: 'id', textContent: activity.id }));
    const ports = document.createElement('div');
    ports.className = 'ports';
    for (const outcome of descriptor?.outcomes ?? []) {
      const port = document.createElement('span');
      port.className = 'port';
      port.textContent = outcome;
      port.dataset.outcome = outcome;
      port.dataset.testid = `port-${activity.id}-${outcome}`;
      port.addEventListener('pointerdown', (e) => startConnecting(e, activity, outcome));
      ports.append(port);
    }
    node.append(ports);
    node.addEventListener('click', () => select(activity.id));
    canvas.append(node);
  }
}

function portPoint(sourceId, outcome) {
  const port = document.querySelector(`[data-node-id="${CSS.escape(sourceId)}"] [data-outcome="${CSS.escape(outcome)}"]`);
  const canvas = $('canvas');
  if (!port) return null;
  const p = port.getBoundingClientRect();
  const c = canvas.getBoundingClientRect();
  return { x: p.left - c.left + canvas.scrollLeft + p.width / 2, y: p.bottom - c.top + canvas.scrollTop };
}

function renderEdges() {
  const svg = $('edges');
  svg.replaceChildren();
  for (const connection of state.workflow.connections) {
    const from = portPoint(connection.source, connection.outcome);
    const target = state.workflow.activities.find((a) => a.id === connection.target);
    if (!from || !target) continue;
    const to = { x: target.position.x + NODE_WIDTH / 2, y: target.position.y };
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    const bend = Math.max(40, Math.abs(to.y - from.y) / 2);
    path.setAttribute('d', `M${from.x},${from.y} C${from.x},${from.y + bend} ${to.x},${to.y - bend} ${to.x},${to.y}`);
    path.dataset.testid = `edge-${connection.source}-${connection.outcome}-${connection.target}`;
    if (state.selectedEdge === connection) path.classList.add('selected');
    path.addEventListener('click', (e) => {
      e.stopPropagation();
      state.selectedEdge = connection;
      state.selectedNode = null;
      render();
    });
    const label = document.createElementNS('http://www.w3.org/2000/svg', 'text');
    label.setAttribute('x', (from.x + to.x) / 2 + 4);
    label.setAttribute('y', (from.y + to.y) / 2);
    label.textContent = connection.outcome;
    svg.append(path, label);
  }
}

const HINT = '<p class="hint">Drag activities from the left onto the canvas (or press one to add it). Drag from an outcome port onto another activity to connect, or choose where each outcome goes here. Select an activity to edit it.</p>';

function renderInspector() {
  const inspector = $('inspector');
  const activity = state.workflow.activities.find((a) => a.id === state.selectedNode);
  if (!activity) {
    inspector.innerHTML = state.selectedEdge
      ? `<p>Connection <b>${escapeHtml(state.selectedEdge.source)}</b> —${escapeHtml(state.selectedEdge.outcome)}→ <b>${escapeHtml(state.selectedEdge.target)}</b></p>`
      : HINT;
    if (state.selectedEdge) {
      inspector.append(button('Delete connection', () => {
        state.workflow.connections = state.workflow.connections.filter((c) => c !== state.selectedEdge);
        state.selectedEdge = null;
        render();
      }, undefined, 'delete-edge'));
    }
    return;
  }
  const descriptor = state.descriptors.get(activity.type);
  inspector.replaceChildren();
  const heading = Object.assign(document.createElement('h3'), { textContent: `${descriptor?.displayName ?? activity.type}: ${activity.id}`, tabIndex: -1 });
  inspector.append(heading);
  inspector.append(field('Id', 'id', textInput(activity.id, (value, input) => {
    if (!renameActivity(activity, value.trim())) input.value = activity.id;
    heading.textContent = `${descriptor?.displayName ?? activity.type}: ${activity.id}`;
    renderNodes();
    renderEdges();
  })));
  for (const p of descriptor?.properties ?? []) {
    inspector.append(field(p.name, p.name, editor(p, activity), p.description, p.required));
  }
  const outcomes = descriptor?.outcomes ?? [];
  if (outcomes.length) {
    const set = document.createElement('fieldset');
    set.append(Object.assign(document.createElement('legend'), { textContent: 'Next activity by outcome' }));
    for (const outcome of outcomes) {
      const next = state.workflow.connections.find((c) => c.source === activity.id && c.outcome === outcome)?.target ?? '';
      const choice = document.createElement('select');
      choice.append(new Option('— ends here —', ''),
        ...state.workflow.activities.filter((a) => a.id !== activity.id).map((a) => new Option(a.id, a.id)));
      choice.value = next;
      choice.addEventListener('change', () => connectActivities(activity.id, outcome, choice.value));
      set.append(field(`${outcome} goes to`, `outcome-${outcome}`, choice));
    }
    inspector.append(set);
  }
  inspector.append(button('Delete activity', () => removeActivity(activity.id), `Delete activity ${activity.id}`, 'delete-node'));
}

function editor(p, activity) {
  const value = activity.properties[p.name];
  const set = (v) => {
    if (v === '' || v === undefined) delete activity.properties[p.name];
    else activity.properties[p.name] = v;
  };
  switch (p.kind) {
    case 'boolean': {
      const input = document.createElement('input');
      input.type = 'checkbox';
      input.checked = value === true || value === 'true';
      input.addEventListener('change', () => set(input.checked));
      return input;
    }
    case 'channel':
    case 'channelOrAll':
    case 'choice': {
      // The server's descriptors carry every dropdown's values: the channel list lives in one place (ChannelNames).
      const options = p.options ?? [];
      const selectBox = document.createElement('select');
      selectBox.append(new Option('', ''), ...options.map((o) => new Option(o, o)));
      selectBox.value = value ?? '';
      selectBox.addEventListener('change', () => set(selectBox.value));
      return selectBox;
    }
    case 'template': {
      const area = document.createElement('textarea');
      area.value = value ?? '';
      area.addEventListener('input', () => set(area.value));
      return area;
    }
    default:
      return textInput(value ?? '', (v) => set(v));
  }
}

function textInput(value, onChange) {
  const input = document.createElement('input');
  input.type = 'text';
  input.value = value;
  input.addEventListener('change', () => onChange(input.value, input));
  return input;
}

// A labelled control (label for= its id), its help text as its description; the test id is the existing "prop-<name>".
// A required one is marked for the eye with "*" and for assistive technology with aria-required, so its name stays its name.
function field(labelText, name, control, help, required = false) {
  const wrapper = document.createElement('div');
  const label = document.createElement('label');
  const id = `activity-${name.replace(/\W+/g, '-')}`;
  label.textContent = labelText;
  if (required) {
    label.append(Object.assign(document.createElement('span'), { textContent: ' *', ariaHidden: 'true' }));
    control.setAttribute('aria-required', 'true');
  }
  label.htmlFor = id;
  control.id = id;
  control.dataset.testid = `prop-${name}`;
  control.dataset.focusKey = `field:${name}`;
  wrapper.append(label, control);
  if (help) {
    const helpText = Object.assign(document.createElement('div'), { className: 'help', textContent: help, id: `${id}-help` });
    control.setAttribute('aria-describedby', helpText.id);
    wrapper.append(helpText);
  }
  return wrapper;
}

function button(text, onClick, ariaLabel, testid) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  if (ariaLabel) b.setAttribute('aria-label', ariaLabel);
  if (testid) b.dataset.testid = testid;
  b.addEventListener('click', onClick);
  return b;
}

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

// ---- Pointer interactions ---------------------------------------------------------

function startMoving(event, activity, node) {
  if (event.button !== 0) return;
  event.preventDefault();
  const start = { x: event.clientX, y: event.clientY, left: activity.position.x, top: activity.position.y };
  const move = (e) => {
    activity.position = { x: Math.max(0, start.left + e.clientX - start.x), y: Math.max(0, start.top + e.clientY - start.y) };
    node.style.left = `${activity.position.x}px`;
    node.style.top = `${activity.position.y}px`;
    renderEdges();
  };
  const up = () => {
    window.removeEventListener('pointermove', move);
    window.removeEventListener('pointerup', up);
  };
  window.addEventListener('pointermove', move);
  window.addEventListener('pointerup', up);
}

function startConnecting(event, activity, outcome) {
  event.preventDefault();
  event.stopPropagation();
  const svg = $('edges');
  const from = portPoint(activity.id, outcome);
  const line = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  svg.append(line);
  const canvas = $('canvas');
  const move = (e) => {
    const c = canvas.getBoundingClientRect();
    line.setAttribute('d', `M${from.x},${from.y} L${e.clientX - c.left + canvas.scrollLeft},${e.clientY - c.top + canvas.scrollTop}`);
  };
  const up = (e) => {
    window.removeEventListener('pointermove', move);
    window.removeEventListener('pointerup', up);
    line.remove();
    const target = document.elementFromPoint(e.clientX, e.clientY)?.closest('.node');
    if (target) connectActivities(activity.id, outcome, target.dataset.nodeId);
  };
  window.addEventListener('pointermove', move);
  window.addEventListener('pointerup', up);
}

// ---- Lifecycle ------------------------------------------------------------------------

function load(workflow) {
  state.workflow = {
    id: workflow.id ?? '', name: workflow.name ?? '', allowReentry: !!workflow.allowReentry,
    activities: (workflow.activities ?? []).map((a, i) => ({ ...a, properties: a.properties || {}, position: a.position || { x: 40, y: 40 + i * 140 } })),
    connections: workflow.connections ?? [],
  };
  $('wf-id').value = state.workflow.id;
  $('wf-name').value = state.workflow.name;
  $('wf-reentry').checked = state.workflow.allowReentry;
  $('workflow-list').value = state.summaries.has(state.workflow.id) ? state.workflow.id : '';
  state.selectedNode = null;
  state.selectedEdge = null;
  showErrors([]);
  updateActions();
  render();
}

// The canvas as a definition, with the Id, Name and re-entry boxes; null (and a message) without an id.
function currentWorkflow() {
  const workflow = { ...state.workflow, id: currentId(), name: $('wf-name').value.trim(), allowReentry: $('wf-reentry').checked };
  if (!workflow.id) {
    setStatus('Give the workflow an id first', 'error');
    $('wf-id').focus();
    return null;
  }
  return workflow;
}

// Opens a workflow from the list: its draft when one is saved (the work in progress), else its latest version.
async function openWorkflow(id) {
  const summary = state.summaries.get(id);
  try {
    if (summary?.hasDraft) {
      const { draft, problems } = await api('GET', workflowPath(id, '/draft'));
      load(draft);
      showErrors(problems);
      setStatus(`Opened the draft of ${id}`, 'ok');
    } else {
      const workflow = await api('GET', workflowPath(id));
      load(workflow);
      setStatus(`Opened ${id} version ${workflow.version}`, 'ok');
    }
    await refreshVersions();
  } catch (e) {
    failed(`Cannot open ${id}`, e);
  }
}

async function saveDraft(workflow) {
  const saved = await api('PUT', workflowPath(workflow.id, '/draft'), workflow);
  state.workflow.id = workflow.id;
  state.workflow.name = workflow.name;
  state.workflow.allowReentry = workflow.allowReentry;
  return saved;
}

async function onSaveDraft() {
  const workflow = currentWorkflow();
  if (!workflow) return;
  try {
    const { problems } = await saveDraft(workflow);
    showErrors(problems);
    await refreshWorkflowList();
    await refreshVersions();
    setStatus(problems.length ? `Draft saved, with ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} to fix before publishing` : 'Draft saved',
      problems.length ? 'error' : 'ok');
  } catch (e) {
    failed('Draft not saved', e);
  }
}

// Publishes what is on the canvas: saved as the draft first, then the draft published as the next version.
async function onPublish() {
  const workflow = currentWorkflow();
  if (!workflow) return;
  let drafted = false;
  try {
    await saveDraft(workflow);
    drafted = true;
    const published = await api('POST', workflowPath(workflow.id, '/publish'));
    showErrors([]);
    setStatus(`Published ${published.id} version ${published.version}`, 'ok');
  } catch (e) {
    failed('Not published', e);
    if (drafted) $('status').textContent += '. The changes are saved as a draft.';
  }
  await afterChange();
}

async function onUnpublish() {
  const id = currentId();
  try {
    const summary = await api('POST', workflowPath(id, '/unpublish'));
    showErrors([]);
    setStatus(`Unpublished ${summary.id}: no new contact starts it; publish to turn it back on`, 'ok');
  } catch (e) {
    failed('Not unpublished', e);
  }
  await afterChange();
}

async function onDelete() {
  const id = currentId();
  if (!window.confirm(`Delete workflow ${id}? It stops starting, its draft is dropped, and it leaves the list.`)) return;
  try {
    await api('DELETE', workflowPath(id));
    load(emptyWorkflow());
    setStatus(`Deleted ${id}`, 'ok');
  } catch (e) {
    failed('Not deleted', e);
  }
  await afterChange();
}

async function afterChange() {
  try {
    await refreshWorkflowList();
    await refreshVersions();
  } catch (e) {
    setStatus(`Cannot refresh: ${e.message}`, 'error');
  }
}

// ---- Wiring -------------------------------------------------------------------------

function init() {
  $('api-key').value = localStorage.getItem('dnd-api-key') || '';
  $('connect').addEventListener('click', connect);
  $('save-draft').addEventListener('click', onSaveDraft);
  $('save').addEventListener('click', onPublish);
  $('unpublish').addEventListener('click', onUnpublish);
  $('delete').addEventListener('click', onDelete);
  $('new').addEventListener('click', async () => {
    load(emptyWorkflow());
    await refreshVersions();
    setStatus('New workflow', 'ok');
    $('wf-id').focus();
  });
  $('wf-id').addEventListener('input', () => updateActions());
  $('wf-id').addEventListener('change', () => refreshVersions());
  $('workflow-list').addEventListener('change', (e) => {
    if (e.target.value) openWorkflow(e.target.value);
  });
  const canvas = $('canvas');
  canvas.addEventListener('dragover', (e) => e.preventDefault());
  canvas.addEventListener('drop', (e) => {
    e.preventDefault();
    const type = e.dataTransfer.getData('text/plain');
    if (!state.descriptors.has(type)) return;
    const c = canvas.getBoundingClientRect();
    addActivity(type, e.clientX - c.left + canvas.scrollLeft - NODE_WIDTH / 2, e.clientY - c.top + canvas.scrollTop - 20);
  });
  canvas.addEventListener('click', (e) => {
    if (e.target === canvas) {
      state.selectedNode = null;
      state.selectedEdge = null;
      render();
    }
  });
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Delete' || ['INPUT', 'TEXTAREA', 'SELECT'].includes(document.activeElement?.tagName)) return;
    if (state.selectedEdge) {
      state.workflow.connections = state.workflow.connections.filter((c) => c !== state.selectedEdge);
      state.selectedEdge = null;
      render();
    } else if (state.selectedNode) {
      removeActivity(state.selectedNode);
    }
  });
  if (apiKey()) connect();
}

init();
