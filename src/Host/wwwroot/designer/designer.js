// Drag-and-drop workflow designer. Plain browser JavaScript with no build step: the palette comes from
// GET /workflows/activities; a flowchart is saved as a draft (PUT /workflows/{id}/draft) and published from it
// (POST /workflows/{id}/publish); the lifecycle (unpublish, delete, versions and rollback) and the shipped templates
// use the same API. The flowchart itself is canvas.js (X6); the checks before publishing, validation.js. The server's
// validation errors (problem details) are listed and shown on the activity they name.
'use strict';

const $ = (id) => document.getElementById(id);

const state = {
  descriptors: new Map(),
  // The selected node's or edge's cell id.
  selected: null,
  // The server's problems with the workflow as last saved (strings, as it words them).
  serverProblems: [],
  // The workflow as last opened or saved (snapshot()), to tell unsaved changes.
  saved: null,
  // The account's workflows by id, as GET /workflows/ lists them (status, version, hasDraft).
  summaries: new Map(),
  templates: [],
};

const emptyWorkflow = () => ({ id: '', name: '', allowReentry: false, activities: [], connections: [] });

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
  const bottom = Math.max(-100, ...canvasActivities().map((a) => a.position.y));
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
  if (!confirmDiscard()) return;
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
  if (!confirmDiscard()) return;
  try {
    load(await api('GET', workflowPath(id, `?version=${version}`)));
    setStatus(`Opened ${id} version ${version}; publishing it makes it the next version`, 'ok');
  } catch (e) {
    failed('Cannot open the version', e);
  }
}

async function rollback(id, version) {
  if (!confirmDiscard()) return;
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

// ---- Model edits (on the flowchart, so each is one step to undo) ---------------------------------

function addActivity(type, x, y, { focus = false } = {}) {
  const descriptor = state.descriptors.get(type);
  const prefix = type.replace(/[A-Z]/g, (c, i) => (i ? '-' : '') + c.toLowerCase());
  const taken = new Set(canvasActivities().map((a) => a.id));
  let n = 1;
  while (taken.has(`${prefix}-${n}`)) n++;
  const properties = {};
  for (const p of descriptor.properties) {
    if (p.default !== null && p.default !== undefined) properties[p.name] = p.default;
  }
  const node = addActivityNode({ id: `${prefix}-${n}`, type, properties, position: { x: Math.max(0, x), y: Math.max(0, y) } });
  selectCell(node.id);
  if (focus) $('inspector').querySelector('h3')?.focus();
}

function renameActivity(node, newId) {
  if (!newId || canvasActivities().some((a) => a.id === newId)) return false;
  updateActivityData(node, { activityId: newId });
  return true;
}

function setProperty(node, name, value) {
  const properties = { ...node.getData().properties };
  if (value === '' || value === undefined) delete properties[name];
  else properties[name] = value;
  updateActivityData(node, { properties });
}

// ---- Rendering ----------------------------------------------------------------

// Re-rendering replaces elements; the one that had the focus (by its focus key) gets it back, for keyboard users.
function render() {
  const focusKey = document.activeElement?.dataset?.focusKey;
  renderInspector();
  if (focusKey) document.querySelector(`[data-focus-key="${CSS.escape(focusKey)}"]`)?.focus();
}

const HINT = '<p class="hint">Drag activities from the left onto the canvas (or press one to add it). Drag from an outcome port onto another activity to connect, or choose where each outcome goes here. Select an activity to edit it; arrow keys move it (Shift: further), Delete removes it.</p>';

function renderInspector() {
  const inspector = $('inspector');
  const cell = selectedCell();
  if (cell?.isEdge()) {
    const c = canvasConnections().find((x) => x.source === cell.getSourceNode()?.getData().activityId && x.outcome === cell.getSourcePortId());
    inspector.innerHTML = c ? `<p>Connection <b>${escapeHtml(c.source)}</b> —${escapeHtml(c.outcome)}→ <b>${escapeHtml(c.target)}</b></p>` : HINT;
    inspector.append(button('Delete connection', () => {
      removeCell(cell);
      selectCell(null);
    }, undefined, 'delete-edge'));
    return;
  }
  if (!cell) {
    inspector.innerHTML = HINT;
    return;
  }
  const activity = cell.getData();
  const descriptor = state.descriptors.get(activity.type);
  inspector.replaceChildren();
  inspector.append(Object.assign(document.createElement('h3'), { textContent: `${descriptor?.displayName ?? activity.type}: ${activity.activityId}`, tabIndex: -1 }));
  inspector.append(field('Id', 'id', textInput(activity.activityId, (value, input) => {
    if (!renameActivity(cell, value.trim())) input.value = cell.getData().activityId;
    render();
  })));
  for (const p of descriptor?.properties ?? []) {
    inspector.append(field(p.name, p.name, editor(p, activity.properties[p.name], (v) => setProperty(cell, p.name, v)), p.description, p.required));
  }
  const outcomes = descriptor?.outcomes ?? [];
  if (outcomes.length) {
    const connections = canvasConnections();
    const others = canvasActivities().filter((a) => a.id !== activity.activityId);
    const set = document.createElement('fieldset');
    set.append(Object.assign(document.createElement('legend'), { textContent: 'Next activity by outcome' }));
    for (const outcome of outcomes) {
      const choice = document.createElement('select');
      choice.append(new Option('— ends here —', ''), ...others.map((a) => new Option(a.id, a.id)));
      choice.value = connections.find((c) => c.source === activity.activityId && c.outcome === outcome)?.target ?? '';
      choice.addEventListener('change', () => {
        connectOutcome(cell.getData().activityId, outcome, choice.value);
        render();
      });
      set.append(field(`${outcome} goes to`, `outcome-${outcome}`, choice));
    }
    inspector.append(set);
  }
  inspector.append(button('Delete activity', () => {
    removeCell(cell);
    selectCell(null);
  }, `Delete activity ${activity.activityId}`, 'delete-node'));
}

// The editor a property's descriptor asks for (its kind, PropertyDescriptor.Kind); set(value) stores it, '' removes it.
function editor(p, value, set) {
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
    case 'duration':
      return durationEditor(p, value, set);
    case 'template': {
      const area = document.createElement('textarea');
      area.value = value ?? '';
      area.addEventListener('change', () => set(area.value));
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
  // A control with a companion (a duration's unit) has it beside it.
  if (control.beside) wrapper.append(control.beside);
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

// ---- Problems and unsaved changes -------------------------------------------------------------

// After any edit of the flowchart: the checks run again, their problems go on the nodes and in the list.
function onCanvasChanged() {
  if (state.selected && !flow.graph.getCellById(state.selected)) {
    state.selected = null;
    render();
  }
  showProblems();
  updateDirty();
}

function showProblems() {
  const client = checkDefinition({ activities: canvasActivities(), connections: canvasConnections() });
  const all = [...client, ...state.serverProblems.map(serverProblem)];
  const texts = [...new Set(all.map(problemText))];
  const byActivity = new Map();
  for (const p of all.filter((x) => x.activityId)) {
    const messages = byActivity.get(p.activityId) ?? [];
    if (!messages.includes(p.message)) byActivity.set(p.activityId, [...messages, p.message]);
  }
  showProblemsOnNodes(byActivity);
  const list = $('errors');
  list.replaceChildren(...texts.map((t) => Object.assign(document.createElement('li'), { textContent: t })));
  $('no-problems').hidden = texts.length > 0;
  return client;
}

// The server's problems (a 422's errors, a saved draft's problems) until the next save, publish or open.
function showErrors(errors) {
  state.serverProblems = errors || [];
  showProblems();
}

// What would be saved, compared with what was last opened or saved.
function snapshot() {
  return JSON.stringify({ id: currentId(), name: $('wf-name').value.trim(), allowReentry: $('wf-reentry').checked,
    activities: canvasActivities(), connections: canvasConnections() });
}

function markSaved() {
  state.saved = snapshot();
  updateDirty();
}

function isDirty() {
  return state.saved !== null && snapshot() !== state.saved;
}

function updateDirty() {
  // Hidden by visibility, so the buttons beside it do not move under the pointer as it comes and goes.
  $('wf-dirty').classList.toggle('clean', !isDirty());
}

// Before the canvas is replaced: true when nothing unsaved would be lost, or the person agrees to lose it.
function confirmDiscard() {
  return !isDirty() || window.confirm('The workflow has unsaved changes. Discard them?');
}

// ---- Lifecycle ------------------------------------------------------------------------

function load(workflow) {
  $('wf-id').value = workflow.id ?? '';
  $('wf-name').value = workflow.name ?? '';
  $('wf-reentry').checked = !!workflow.allowReentry;
  $('workflow-list').value = state.summaries.has(workflow.id) ? workflow.id : '';
  state.selected = null;
  state.serverProblems = [];
  loadFlowchart((workflow.activities ?? []).map((a, i) => ({ ...a, position: a.position || { x: 40, y: 40 + i * 140 } })), workflow.connections ?? []);
  updateActions();
  render();
  showProblems();
  markSaved();
}

// The canvas as a definition, with the Id, Name and re-entry boxes; null (and a message) without an id.
function currentWorkflow() {
  const workflow = { id: currentId(), name: $('wf-name').value.trim(), allowReentry: $('wf-reentry').checked,
    activities: canvasActivities(), connections: canvasConnections() };
  if (!workflow.id) {
    setStatus('Give the workflow an id first', 'error');
    $('wf-id').focus();
    return null;
  }
  return workflow;
}

// Opens a workflow from the list: its draft when one is saved (the work in progress), else its latest version.
async function openWorkflow(id) {
  if (!confirmDiscard()) {
    $('workflow-list').value = state.summaries.has(currentId()) ? currentId() : '';
    return;
  }
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
  markSaved();
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
  const problems = showProblems();
  if (problems.length) {
    setStatus(`Not published: fix the ${problems.length === 1 ? 'problem' : `${problems.length} problems`} shown on the activities first`, 'error');
    return;
  }
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
    if (!confirmDiscard()) return;
    load(emptyWorkflow());
    await refreshVersions();
    setStatus('New workflow', 'ok');
    $('wf-id').focus();
  });
  $('wf-id').addEventListener('input', () => {
    updateActions();
    updateDirty();
  });
  $('wf-id').addEventListener('change', () => refreshVersions());
  $('wf-name').addEventListener('input', updateDirty);
  $('wf-reentry').addEventListener('change', updateDirty);
  $('workflow-list').addEventListener('change', (e) => {
    if (e.target.value) openWorkflow(e.target.value);
  });
  // Leaving the page with unsaved changes asks first (the browser words the question).
  window.addEventListener('beforeunload', (e) => {
    if (!isDirty()) return;
    e.preventDefault();
    e.returnValue = '';
  });
  wireFlowchart();
  markSaved();
  if (apiKey()) connect();
}

init();
