// The flowchart, drawn by X6 (vendored under ../lib/x6): the graph holds the activities (nodes, with their id, type
// and properties as the node's data) and the connections (edges from an outcome's port to a node), so X6's history
// undoes every edit of them. Each node's content is HTML: a real button named "<id>: <DisplayName>" a keyboard and a
// screen reader reach, described by the node's problems.
'use strict';

const NODE_SIZE = { width: 180, height: 64 };
const ZOOM = { min: 0.25, max: 2, step: 0.1 };
const KEYBOARD_STEP = { small: 10, large: 50 };

const flow = {
  graph: null,
  // X6's history plugin: its Graph shortcuts (graph.undo() …) are not in the browser bundle, so it is used directly.
  history: null,
  // One persistent element per node, updated in place, so a focused node keeps its focus across edits and undo.
  elements: new Map(),
  // Problems by cell id, as the last validation found them.
  problems: new Map(),
};

X6.Shape.HTML.register({
  shape: 'dnd-activity',
  width: NODE_SIZE.width,
  height: NODE_SIZE.height,
  effect: [],
  html: (cell) => nodeElement(cell),
  ports: {
    groups: {
      outcome: {
        position: 'bottom',
        label: { position: { name: 'bottom', args: { y: 6 } } },
        attrs: {
          circle: { r: 6, magnet: true, stroke: '#5b6678', strokeWidth: 1.5, fill: '#fff', cursor: 'crosshair' },
          text: { fontSize: 11, fill: '#1d2430' },
        },
      },
    },
  },
});

function createFlowchart(container) {
  const graph = new X6.Graph({
    container,
    autoResize: true,
    async: false,
    grid: { size: 16, visible: true },
    background: { color: '#fbfcfd' },
    panning: { enabled: true, eventTypes: ['leftMouseDown'] },
    mousewheel: { enabled: true, modifiers: ['ctrl', 'meta'], minScale: ZOOM.min, maxScale: ZOOM.max },
    scaling: { min: ZOOM.min, max: ZOOM.max },
    connecting: {
      allowBlank: false,
      allowLoop: false,
      allowNode: true,
      allowPort: false,
      allowEdge: false,
      allowMulti: true,
      highlight: true,
      connectionPoint: 'bbox',
      connector: { name: 'smooth' },
      createEdge: ({ sourceMagnet }) => connectionEdge(sourceMagnet.getAttribute('port')),
      validateConnection: ({ sourceCell, targetCell, targetMagnet }) => !!targetCell?.isNode() && targetCell !== sourceCell && !targetMagnet,
    },
  });
  flow.history = new X6.History({ enabled: true });
  graph.use(flow.history);
  flow.graph = graph;

  // A dragged connection replaces the one its outcome had, in the same history step (X6's 'add-edge' batch is open).
  graph.on('edge:connected', ({ edge, isNew }) => {
    if (!isNew) return;
    const { cell, port } = edge.getSource();
    for (const other of graph.getOutgoingEdges(cell) ?? []) {
      if (other !== edge && other.getSourcePortId() === port) other.remove();
    }
    selectCell(edge.id);
  });
  graph.on('node:click', ({ node }) => selectCell(node.id));
  graph.on('edge:click', ({ edge }) => {
    selectCell(edge.id);
    $('canvas').focus();
  });
  graph.on('blank:click', () => selectCell(null));
  graph.on('node:change:data', ({ node }) => updateNodeElement(node));
  graph.on('scale', () => showZoom());
  graph.on('history:change', () => updateHistoryButtons());
  // An undone property edit or rename shows in the properties panel at once.
  graph.on('history:undo', () => render());
  graph.on('history:redo', () => render());
  for (const event of ['cell:added', 'cell:removed', 'cell:changed', 'edge:connected', 'history:undo', 'history:redo']) {
    graph.on(event, () => scheduleCanvasChanged());
  }
  showZoom();
  updateHistoryButtons();
  return graph;
}

// Many model events come from one edit; the page reacts once, after them.
let canvasChangePending = false;
function scheduleCanvasChanged() {
  if (canvasChangePending) return;
  canvasChangePending = true;
  queueMicrotask(() => {
    canvasChangePending = false;
    decorateFlowchart();
    onCanvasChanged();
  });
}

function connectionEdge(outcome) {
  return flow.graph.createEdge({
    attrs: { line: { stroke: '#5b6678', strokeWidth: 2, targetMarker: { name: 'block', width: 10, height: 8 } } },
    labels: outcome ? [{ attrs: { label: { text: outcome, fontSize: 11 } }, position: 0.5 }] : [],
    zIndex: 0,
  });
}

// ---- The model, read from and written to the graph --------------------------------------

const activityNodes = () => flow.graph.getNodes();
const nodeByActivityId = (id) => activityNodes().find((n) => n.getData().activityId === id) ?? null;

function canvasActivities() {
  return activityNodes().map((n) => {
    const { activityId, type, properties } = n.getData();
    const { x, y } = n.getPosition();
    return { id: activityId, type, properties: { ...properties }, position: { x: Math.round(x), y: Math.round(y) } };
  });
}

function canvasConnections() {
  return flow.graph.getEdges().flatMap((e) => {
    const source = e.getSourceNode();
    const target = e.getTargetNode();
    return source && target ? [{ source: source.getData().activityId, outcome: e.getSourcePortId(), target: target.getData().activityId }] : [];
  });
}

function activityNode(activity) {
  const outcomes = state.descriptors.get(activity.type)?.outcomes ?? [];
  return {
    shape: 'dnd-activity',
    x: activity.position?.x ?? 40,
    y: activity.position?.y ?? 40,
    data: { activityId: activity.id, type: activity.type, properties: { ...(activity.properties ?? {}) } },
    ports: outcomes.map((o) => ({ id: o, group: 'outcome', attrs: { text: { text: o } } })),
  };
}

// Replaces the whole flowchart (opening a workflow): not an edit, so nothing to undo.
function loadFlowchart(activities, connections) {
  const graph = flow.graph;
  flow.history.disable();
  graph.clearCells();
  flow.elements.clear();
  const nodes = new Map(activities.map((a) => [a.id, graph.addNode(activityNode(a))]));
  for (const c of connections) {
    const source = nodes.get(c.source);
    const target = nodes.get(c.target);
    if (!source || !target) continue;
    const edge = connectionEdge(c.outcome);
    edge.setSource({ cell: source.id, port: c.outcome });
    edge.setTarget({ cell: target.id });
    graph.addEdge(edge);
  }
  flow.history.enable();
  flow.history.clean();
  if (activities.length) graph.zoomToFit({ padding: 40, maxScale: 1 });
  else graph.zoomTo(1);
}

function addActivityNode(activity) {
  return flow.graph.addNode(activityNode(activity));
}

// Connects an outcome to an activity, or to nothing (target ''), replacing what it led to: one step to undo.
function connectOutcome(sourceId, outcome, targetId) {
  const graph = flow.graph;
  const source = nodeByActivityId(sourceId);
  const target = targetId ? nodeByActivityId(targetId) : null;
  if (!source || source === target) return;
  graph.startBatch('connect');
  for (const e of graph.getOutgoingEdges(source) ?? []) {
    if (e.getSourcePortId() === outcome) e.remove();
  }
  if (target) {
    const edge = connectionEdge(outcome);
    edge.setSource({ cell: source.id, port: outcome });
    edge.setTarget({ cell: target.id });
    graph.addEdge(edge);
  }
  graph.stopBatch('connect');
}

function updateActivityData(node, change) {
  node.setData({ ...node.getData(), ...change }, { overwrite: true });
}

function removeCell(cell) {
  flow.graph.startBatch('delete');
  flow.graph.removeCell(cell);
  flow.graph.stopBatch('delete');
}

// ---- Selection ----------------------------------------------------------------------------

function selectedCell() {
  return state.selected ? flow.graph.getCellById(state.selected) : null;
}

function selectCell(id) {
  state.selected = id;
  for (const cell of flow.graph.getCells()) {
    flow.graph.findViewByCell(cell)?.container.classList.toggle('selected', cell.id === id);
    if (cell.isNode()) updateNodeElement(cell);
  }
  render();
}

// ---- Node content ---------------------------------------------------------------------------

function nodeElement(cell) {
  let element = flow.elements.get(cell.id);
  if (!element) {
    element = document.createElement('div');
    element.innerHTML = '<button type="button" class="title"></button><div class="id"></div><div class="problem-marker"></div>';
    const title = element.querySelector('.title');
    title.addEventListener('click', () => selectCell(cell.id));
    title.addEventListener('focus', () => { if (state.selected !== cell.id) selectCell(cell.id); });
    flow.elements.set(cell.id, element);
  }
  fillNodeElement(element, cell);
  return element;
}

function updateNodeElement(cell) {
  const element = flow.elements.get(cell.id);
  if (element) fillNodeElement(element, cell);
}

function fillNodeElement(element, cell) {
  const { activityId, type } = cell.getData();
  const descriptor = state.descriptors.get(type);
  const name = descriptor?.displayName ?? type;
  const problems = flow.problems.get(cell.id) ?? [];
  element.className = `node${descriptor?.isTrigger ? ' trigger' : ''}${state.selected === cell.id ? ' selected' : ''}${problems.length ? ' invalid' : ''}`;
  element.dataset.testid = `node-${activityId}`;
  element.dataset.nodeId = activityId;
  const title = element.querySelector('.title');
  title.textContent = name;
  title.setAttribute('aria-label', `${activityId}: ${name}`);
  title.setAttribute('aria-pressed', String(state.selected === cell.id));
  title.dataset.focusKey = `node:${cell.id}`;
  element.querySelector('.id').textContent = activityId;
  const marker = element.querySelector('.problem-marker');
  marker.id = `problems-${cell.id}`;
  marker.hidden = problems.length === 0;
  marker.textContent = problems.map((p) => `Problem: ${p}`).join('. ');
  marker.title = marker.textContent;
  if (problems.length) title.setAttribute('aria-describedby', marker.id);
  else title.removeAttribute('aria-describedby');
}

function showProblemsOnNodes(problemsByActivity) {
  flow.problems = new Map(activityNodes().map((n) => [n.id, problemsByActivity.get(n.getData().activityId) ?? []]));
  for (const node of activityNodes()) updateNodeElement(node);
}

// X6 draws ports and edges as SVG; naming them in the DOM (not in the cells, which would enter the history) lets a
// test find the port to drag from and the edge an outcome drew.
function decorateFlowchart() {
  for (const node of activityNodes()) {
    const view = flow.graph.findViewByCell(node);
    for (const port of view?.container.querySelectorAll('[magnet][port]') ?? []) {
      port.dataset.testid = `port-${node.getData().activityId}-${port.getAttribute('port')}`;
    }
  }
  for (const c of flow.graph.getEdges()) {
    const container = flow.graph.findViewByCell(c)?.container;
    const source = c.getSourceNode();
    const target = c.getTargetNode();
    if (!container || !source || !target) continue;
    container.dataset.testid = `edge-${source.getData().activityId}-${c.getSourcePortId()}-${target.getData().activityId}`;
    container.classList.toggle('selected', c.id === state.selected);
  }
}

// ---- Zoom, history, keyboard --------------------------------------------------------------------

function showZoom() {
  $('zoom-level').textContent = `Zoom ${Math.round(flow.graph.zoom() * 100)}%`;
}

function zoomBy(delta) {
  flow.graph.zoom(delta, { minScale: ZOOM.min, maxScale: ZOOM.max });
}

function updateHistoryButtons() {
  $('undo').disabled = !flow.history.canUndo();
  $('redo').disabled = !flow.history.canRedo();
}

function undo() {
  if (flow.history.canUndo()) flow.history.undo();
}

function redo() {
  if (flow.history.canRedo()) flow.history.redo();
}

const ARROWS = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

// Keys on the canvas (a node's button or the canvas itself): arrows move the selected node, Delete removes the selection.
function onCanvasKey(e) {
  const cell = selectedCell();
  if (!cell) return;
  if (ARROWS[e.key] && cell.isNode()) {
    const step = e.shiftKey ? KEYBOARD_STEP.large : KEYBOARD_STEP.small;
    const [dx, dy] = ARROWS[e.key];
    const { x, y } = cell.getPosition();
    cell.setPosition(Math.max(0, x + dx * step), Math.max(0, y + dy * step));
    e.preventDefault();
  } else if (e.key === 'Delete' || e.key === 'Backspace') {
    removeCell(cell);
    state.selected = null;
    $('canvas').focus();
    render();
    e.preventDefault();
  }
}

function isTyping(element) {
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(element?.tagName) || element?.isContentEditable;
}

// Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo, except in a field, where they are the field's own.
function onUndoKey(e) {
  if (!(e.ctrlKey || e.metaKey) || isTyping(document.activeElement)) return;
  const key = e.key.toLowerCase();
  if (key === 'z' && !e.shiftKey) undo();
  else if ((key === 'z' && e.shiftKey) || key === 'y') redo();
  else return;
  e.preventDefault();
}

function wireFlowchart() {
  const container = $('canvas');
  createFlowchart($('flowchart'));
  $('undo').addEventListener('click', undo);
  $('redo').addEventListener('click', redo);
  $('zoom-in').addEventListener('click', () => zoomBy(ZOOM.step));
  $('zoom-out').addEventListener('click', () => zoomBy(-ZOOM.step));
  $('zoom-fit').addEventListener('click', () => flow.graph.zoomToFit({ padding: 40, maxScale: 1 }));
  container.addEventListener('keydown', (e) => {
    if (!isTyping(document.activeElement)) onCanvasKey(e);
  });
  document.addEventListener('keydown', onUndoKey);
  container.addEventListener('dragover', (e) => e.preventDefault());
  container.addEventListener('drop', (e) => {
    e.preventDefault();
    const type = e.dataTransfer.getData('text/plain');
    if (!state.descriptors.has(type)) return;
    const p = flow.graph.clientToLocal(e.clientX, e.clientY);
    addActivity(type, p.x - NODE_SIZE.width / 2, p.y - 20);
  });
}
