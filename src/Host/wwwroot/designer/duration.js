// Durations as a person writes them (a number and a unit) and as the engine stores them (InputTypes.TryDuration:
// "hh:mm:ss", "d.hh:mm:ss" or a number of seconds). The editor writes "[d.]hh:mm:ss"; the engine's bounds are its own.
'use strict';

const DURATION_UNITS = [['days', 86400], ['hours', 3600], ['minutes', 60], ['seconds', 1]];

// Seconds in a stored duration, or null when it is not one the editor can read.
function durationSeconds(text) {
  const value = String(text ?? '').trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value);
  const match = /^(?:(\d+)\.)?(\d{1,2}):(\d{1,2}):(\d{1,2}(?:\.\d+)?)$/.exec(value);
  if (!match) return null;
  const [, days, hours, minutes, seconds] = match;
  return Number(days ?? 0) * 86400 + Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
}

// The largest unit that counts the duration in whole numbers: 7200 s reads "2 hours".
function durationParts(seconds) {
  const [unit, size] = DURATION_UNITS.find(([, s]) => seconds > 0 && seconds % s === 0) ?? ['minutes', 60];
  return { amount: seconds / size, unit, size };
}

function formatDuration(amount, unit) {
  const size = DURATION_UNITS.find(([u]) => u === unit)[1];
  const total = amount * size;
  const days = Math.floor(total / 86400);
  const rest = total - days * 86400;
  const pad = (n) => String(n).padStart(2, '0');
  const hours = Math.floor(rest / 3600);
  const minutes = Math.floor((rest % 3600) / 60);
  const seconds = Math.round((rest % 60) * 1000) / 1000;
  const time = `${pad(hours)}:${pad(minutes)}:${seconds < 10 ? '0' : ''}${seconds}`;
  return days ? `${days}.${time}` : time;
}

// A number box (the field's control, so it carries the label) and a unit select named "<name> unit".
function durationEditor(p, value, set) {
  const seconds = durationSeconds(value);
  const parts = durationParts(seconds ?? 0);
  const amount = document.createElement('input');
  amount.type = 'number';
  amount.min = '0';
  amount.step = 'any';
  amount.value = seconds === null ? '' : String(parts.amount);
  const unit = document.createElement('select');
  unit.append(...DURATION_UNITS.map(([u]) => new Option(u, u)));
  unit.value = parts.unit;
  unit.setAttribute('aria-label', `${p.name} unit`);
  unit.dataset.focusKey = `field:${p.name}:unit`;
  const write = () => set(amount.value === '' || !(Number(amount.value) >= 0) ? '' : formatDuration(Number(amount.value), unit.value));
  amount.addEventListener('change', write);
  unit.addEventListener('change', write);
  const row = document.createElement('span');
  row.className = 'duration';
  row.append(unit);
  if (seconds === null && value) {
    row.append(Object.assign(document.createElement('span'), { className: 'help', textContent: ` was '${value}', not a duration` }));
  }
  // field() labels the number; the unit goes beside it.
  amount.beside = row;
  return amount;
}
