// The checks the designer can make before publishing, from the activity descriptors and the flowchart's shape; the
// server (DefinitionValidator) makes them again with the rest (template syntax, durations, loops). Messages are worded
// as the server words them, so a problem found by both is listed once.
'use strict';

// Problems of a definition { activities, connections }: each as { activityId (or null for the workflow), message }.
function checkDefinition({ activities, connections }) {
  const problems = [];
  const add = (activityId, message) => problems.push({ activityId, message });
  for (const a of activities) {
    const descriptor = state.descriptors.get(a.type);
    if (!descriptor) {
      add(a.id, `unknown type '${a.type}'`);
      continue;
    }
    for (const p of descriptor.properties) {
      const value = a.properties?.[p.name];
      const empty = value === undefined || value === null || String(value).trim() === '';
      if (empty && p.required && (p.default === null || p.default === undefined)) add(a.id, `'${p.name}' is required`);
    }
  }
  const targets = new Set(connections.map((c) => c.target));
  const roots = activities.filter((a) => !targets.has(a.id));
  // The start: the trigger that nothing leads into, else the first such activity; the other such ones are not reached.
  const start = roots.find((a) => state.descriptors.get(a.type)?.isTrigger) ?? roots[0];
  if (activities.length && roots.length !== 1) {
    add(null, `exactly one activity must have no incoming connection (the start); found ${roots.length}`);
    for (const root of roots.filter((r) => r !== start)) add(root.id, 'nothing leads here, and it is not the start');
  }
  for (const a of activities.filter((x) => state.descriptors.get(x.type)?.isTrigger && targets.has(x.id))) {
    add(a.id, 'a trigger must be the start of the workflow: nothing may lead into it');
  }
  if (start) {
    for (const a of unreachable(start.id, activities, connections).filter((x) => targets.has(x.id))) add(a.id, 'not reachable from the start');
  }
  return problems;
}

function unreachable(start, activities, connections) {
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length) {
    const id = queue.shift();
    for (const c of connections.filter((x) => x.source === id && !seen.has(x.target))) {
      seen.add(c.target);
      queue.push(c.target);
    }
  }
  return activities.filter((a) => !seen.has(a.id));
}

// The server's messages name their activity ("activity 'x': ...", "trigger 'x' ...", "connection from 'x': ..."):
// that activity gets the rest of the message on its node.
const SERVER_PROBLEM = /^(?:activity|trigger|connection from) '([^']+)'(?::\s*)?(.*)$/;

function serverProblem(message) {
  const match = SERVER_PROBLEM.exec(message);
  return match ? { activityId: match[1], message: match[2].trim() || message } : { activityId: null, message };
}

// How a problem reads in the Problems list: the server's words for it.
function problemText({ activityId, message }) {
  return activityId ? `activity '${activityId}': ${message}` : message;
}
