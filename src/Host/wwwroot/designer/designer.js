// Drag-and-drop workflow designer. Plain browser JavaScript with no build step: the palette comes from
// GET /workflows/activities, a flowchart is published with PUT /workflows/{id}, and the server's validation
// errors (problem details) are shown as they are.
'use strict';

const NODE_WIDTH = 180;
const $ = (id) => document.getElementById(id);

const state = {
  descriptors: new Map(),
  workflow: emptyWorkflow(),
  selectedNode: null,
  selectedEdge: null,
};

function emptyWorkflow() {
  return { id: '', name: '', allowReentry: false, activities: [], connections: [] };
}

// ---- API -----------------------------------------------------------------

function apiKey() {
  return $('api-key').value.trim();
}

async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: { 'Authorization': `Bearer ${apiKey()}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = new Error(json?.detail || json?.title || `HTTP ${response.status}`);
    error.problem = json;
    throw error;
  }
  return json;
}

function setStatus(message, kind) {
  const status = $('status');
  status.textContent = message;
  status.className = kind || '';
}

function showErrors(errors) {
  const list = $('errors');
  list.replaceChildren(...(errors || []).map((e) => Object.assign(document.createElement('li'), { textContent: e })));
}

// ---- Palette ---------------------------------------------------------------

async function connect() {
  localStorage.setItem('dnd-api-key', apiKey());
  try {
    const { activities } = await api('GET', '/workflows/activities');
    state.descriptors = new Map(activities.map((a) => [a.type, a]));
    renderPalette(activities);
    await refreshWorkflowList();
    setStatus('Connected', 'ok');
  } catch (e) {
    setStatus(`Cannot connect: ${e.message}`, 'error');
  }
}

function renderPalette(activities) {
  const palette = $('palette');
  palette.replaceChildren();
  const byCategory = Map.groupBy ? Map.groupBy(activities, (a) => a.category) : group(activities);
  for (const [category, items] of byCategory) {
    palette.append(Object.assign(document.createElement('div'), { className: 'palette-group', textContent: category }));
    for (const d of items) {
      const item = document.createElement('div');
      item.className = 'palette-item';
      item.draggable = true;
      item.dataset.type = d.type;
      item.dataset.testid = `palette-${d.type}`;
      item.innerHTML = `${escapeHtml(d.displayName)}<small>${escapeHtml(d.description)}</small>`;
      item.addEventListener('dragstart', (e) => e.dataTransfer.setData('text/plain', d.type));
      palette.append(item);
    }
  }
}

function group(items) {
  const map = new Map();
  for (const item of items) map.set(item.category, [...(map.get(item.category) || []), item]);
  return map;
}

async function refreshWorkflowList() {
  const { workflows } = await api('GET', '/workflows/');
  const select = $('workflow-list');
  select.replaceChildren(new Option('— open a workflow —', ''), ...workflows.map((w) => new Option(`${w.name} (v${w.version})`, w.id)));
}

// ---- Model edits -------------------------------------------------------------

function addActivity(type, x, y) {
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
}

function connectActivities(source, outcome, target) {
  if (source === target) return;
  const connections = state.workflow.connections.filter((c) => !(c.source === source && c.outcome === outcome));
  connections.push({ source, outcome, target });
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

function render() {
  renderNodes();
  renderEdges();
  renderInspector();
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
    node.innerHTML = `<div class="title">${escapeHtml(descriptor?.displayName ?? activity.type)}</div><div class="id">${escapeHtml(activity.id)}</div>`;
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
    node.querySelector('.title').addEventListener('pointerdown', (e) => startMoving(e, activity, node));
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

function renderInspector() {
  const inspector = $('inspector');
  const activity = state.workflow.activities.find((a) => a.id === state.selectedNode);
  if (!activity) {
    inspector.innerHTML = state.selectedEdge
      ? `<p>Connection <b>${escapeHtml(state.selectedEdge.source)}</b> —${escapeHtml(state.selectedEdge.outcome)}→ <b>${escapeHtml(state.selectedEdge.target)}</b></p>`
      : '<p class="hint">Drag activities from the left onto the canvas. Drag from an outcome port onto another activity to connect. Select an activity to edit it.</p>';
    if (state.selectedEdge) {
      inspector.append(button('Delete connection', 'delete-edge', () => {
        state.workflow.connections = state.workflow.connections.filter((c) => c !== state.selectedEdge);
        state.selectedEdge = null;
        render();
      }));
    }
    return;
  }
  const descriptor = state.descriptors.get(activity.type);
  inspector.replaceChildren();
  inspector.append(Object.assign(document.createElement('h3'), { textContent: descriptor?.displayName ?? activity.type }));
  inspector.append(field('Id', 'prop-id', textInput(activity.id, (value, input) => {
    if (!renameActivity(activity, value.trim())) input.value = activity.id;
    renderNodes();
    renderEdges();
  })));
  for (const p of descriptor?.properties ?? []) {
    inspector.append(field(`${p.name}${p.required ? ' *' : ''}`, `prop-${p.name}`, editor(p, activity), p.description));
  }
  inspector.append(button('Delete activity', 'delete-node', () => removeActivity(activity.id)));
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

function field(labelText, testid, control, help) {
  const wrapper = document.createElement('div');
  const label = document.createElement('label');
  label.textContent = labelText;
  control.dataset.testid = testid;
  wrapper.append(label, control);
  if (help) wrapper.append(Object.assign(document.createElement('div'), { className: 'help', textContent: help }));
  return wrapper;
}

function button(text, testid, onClick) {
  const b = document.createElement('button');
  b.textContent = text;
  b.dataset.testid = testid;
  b.addEventListener('click', onClick);
  return b;
}

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

// ---- Pointer interactions ---------------------------------------------------------

function startMoving(event, activity, node) {
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

// ---- Wiring -------------------------------------------------------------------------

function load(workflow) {
  state.workflow = {
    id: workflow.id, name: workflow.name, allowReentry: !!workflow.allowReentry,
    activities: workflow.activities.map((a, i) => ({ ...a, properties: a.properties || {}, position: a.position || { x: 40, y: 40 + i * 140 } })),
    connections: workflow.connections,
  };
  $('wf-id').value = workflow.id;
  $('wf-name').value = workflow.name;
  $('wf-reentry').checked = !!workflow.allowReentry;
  state.selectedNode = null;
  showErrors([]);
  render();
}

async function publish() {
  const workflow = { ...state.workflow, id: $('wf-id').value.trim(), name: $('wf-name').value.trim(), allowReentry: $('wf-reentry').checked };
  if (!workflow.id) {
    setStatus('Give the workflow an id first', 'error');
    return;
  }
  try {
    const published = await api('PUT', `/workflows/${encodeURIComponent(workflow.id)}`, workflow);
    showErrors([]);
    setStatus(`Published ${published.id} version ${published.version}`, 'ok');
    await refreshWorkflowList();
  } catch (e) {
    showErrors(e.problem?.errors || []);
    setStatus(`Not published: ${e.problem?.title || e.message}`, 'error');
  }
}

function init() {
  $('api-key').value = localStorage.getItem('dnd-api-key') || '';
  $('connect').addEventListener('click', connect);
  $('save').addEventListener('click', publish);
  $('new').addEventListener('click', () => load(emptyWorkflow()));
  $('workflow-list').addEventListener('change', async (e) => {
    if (e.target.value) load(await api('GET', `/workflows/${encodeURIComponent(e.target.value)}`));
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
