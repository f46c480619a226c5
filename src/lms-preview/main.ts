import { attemptEnded, createHost, flatModel, loadRegistration, newAttempt, NO_FAULTS, saveRegistration, type Faults, type Host, type Version } from './lmsHost';

/**
 * The local LMS page: hosts the course in an iframe with scorm-again as window.API (1.2) or
 * window.API_1484_11 (2004), shows the live data model and the call log, relaunches with the stored
 * data model (cmi.entry "resume"), resets the attempt and injects faults.
 * ?launch=<url> names the course's launch page (npm run preview passes the package's); default /index.html.
 */

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const params = new URLSearchParams(location.search);
const launchUrl = params.get('launch') ?? '/index.html';
const PREFS = 'lms-preview:prefs';

interface Prefs {
  version: Version;
  faults: Faults;
}
const prefs: Prefs = (() => {
  try {
    const p = JSON.parse(localStorage.getItem(PREFS) ?? 'null');
    if (p) return { version: p.version === '1.2' ? '1.2' : '2004', faults: { ...NO_FAULTS, ...p.faults } };
  } catch {
    /* defaults */
  }
  return { version: '2004' as Version, faults: { ...NO_FAULTS } };
})();
// npm run preview names the package's version: its player looks only for that API.
if (params.get('scorm')) prefs.version = params.get('scorm') === '12' ? '1.2' : '2004';
const savePrefs = () => localStorage.setItem(PREFS, JSON.stringify(prefs));

const frame = $<HTMLIFrameElement>('course');
let host: Host | null = null;
let previous: Record<string, string> = {};
let shownLog = 0;

function status(text: string) {
  $('status').textContent = text;
}

function render() {
  const model = $('model');
  if (!host) {
    model.innerHTML = '<tr><td>no API on this launch</td></tr>';
  } else {
    const flat = flatModel(host.api);
    const rows = Object.entries(flat)
      .filter(([, v]) => typeof v === 'string' && v !== '')
      .map(([k, v]) => `<tr${previous[k] !== undefined && previous[k] !== v ? ' class="changed"' : ''}><td>${esc(k)}</td><td>${esc(String(v))}</td></tr>`);
    model.innerHTML = rows.join('');
    previous = flat;
  }
  const log = $('log');
  const entries = host?.log ?? [];
  if (entries.length < shownLog) shownLog = 0;
  for (const e of entries.slice(shownLog)) {
    const tr = document.createElement('tr');
    if (e.injected) tr.className = 'injected';
    else if (e.result === 'false') tr.className = 'fail';
    const time = new Date(e.at).toLocaleTimeString();
    tr.innerHTML = `<td>${time} ${esc(e.fn)}</td><td>${esc(e.args.join(', '))} → ${esc(JSON.stringify(e.result))}${e.error && e.error !== '0' ? ' (error ' + esc(e.error) + (e.injected ? ', injected' : '') + ')' : ''}</td>`;
    log.prepend(tr);
  }
  shownLog = entries.length;
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

let renderQueued = false;
function queueRender() {
  if (renderQueued) return;
  renderQueued = true;
  requestAnimationFrame(() => {
    renderQueued = false;
    render();
  });
}

const w = window as unknown as Record<string, unknown>;

function launch() {
  delete w.API;
  delete w.API_1484_11;
  let reg = loadRegistration(prefs.version);
  const passing = $<HTMLInputElement>('passing').value;
  reg.passing = passing === '' ? null : Number(passing);
  if (attemptEnded(reg)) {
    reg = newAttempt(reg);
    status(`The last session ended the attempt (exit normal): attempt ${reg.attempt} starts.`);
  }
  saveRegistration(reg);
  host = null;
  if (!prefs.faults.noApi) {
    host = createHost(reg, () => prefs.faults, (e) => {
      if (e === 'commit') status(`Committed at ${new Date().toLocaleTimeString()} (attempt ${reg.attempt})`);
      if (e === 'finish') status('The course ended its session (Finish/Terminate).');
      queueRender();
    });
    w[prefs.version === '1.2' ? 'API' : 'API_1484_11'] = host.facade;
    status(`SCORM ${prefs.version}, attempt ${reg.attempt}, entry "${reg.cmi ? 'resume or continue' : 'ab-initio'}"`);
  } else status('No API on this launch: the course runs standalone.');
  // ?scorm= picks the API in dev, where the player's <meta name="scorm-version"> is "auto".
  const sep = launchUrl.includes('?') ? '&' : '?';
  frame.src = `${launchUrl}${sep}scorm=${prefs.version === '1.2' ? '12' : '2004'}&t=${Date.now()}`;
  render();
}

/** Unloads the course (its pagehide ends the session), then launches it again. */
function relaunch() {
  const go = () => {
    frame.removeEventListener('load', go);
    launch();
  };
  frame.addEventListener('load', go);
  frame.src = 'about:blank';
}

$<HTMLSelectElement>('version').value = prefs.version;
$('version').addEventListener('change', (e) => {
  prefs.version = (e.target as HTMLSelectElement).value as Version;
  savePrefs();
  relaunch();
});
$('relaunch').addEventListener('click', relaunch);
$('reset').addEventListener('click', () => {
  const go = () => {
    frame.removeEventListener('load', go);
    saveRegistration(newAttempt(loadRegistration(prefs.version)));
    // A trainer's reset also forgets what the course kept in this browser (its local copy and
    // standalone progress); a real LMS cannot, see docs/lms-admin.md.
    for (const k of Object.keys(localStorage)) if (k.startsWith('scorm-copy:') || k.startsWith('scorm-standalone:')) localStorage.removeItem(k);
    launch();
  };
  frame.addEventListener('load', go);
  frame.src = 'about:blank';
});
$('clear-log').addEventListener('click', () => {
  host?.log.splice(0);
  $('log').innerHTML = '';
  shownLog = 0;
});
const faultBoxes: [string, keyof Faults][] = [['f-noApi', 'noApi'], ['f-setFails', 'setFails'], ['f-commitFails', 'commitFails'], ['f-slow', 'slowCommit'], ['f-sessionEnded', 'sessionEnded']];
for (const [id, key] of faultBoxes) {
  const box = $<HTMLInputElement>(id);
  box.checked = !!prefs.faults[key];
  box.addEventListener('change', () => {
    (prefs.faults as unknown as Record<string, unknown>)[key] = key === 'slowCommit' ? (box.checked ? 2000 : 0) : box.checked;
    savePrefs();
  });
}

// Test hooks (Playwright): the live model, the stored registration, and the page's own controls.
Object.assign(window, {
  lmsPreview: {
    model: () => (host ? flatModel(host.api) : null),
    stored: () => loadRegistration(prefs.version),
    log: () => host?.log ?? [],
    setFaults: (f: Partial<Faults>) => {
      Object.assign(prefs.faults, f);
      savePrefs();
      for (const [id, key] of faultBoxes) $<HTMLInputElement>(id).checked = !!prefs.faults[key];
    },
    relaunch,
    launch,
    /** Unloads the course (its pagehide ends the session) without launching it again. */
    close: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          frame.removeEventListener('load', done);
          resolve();
        };
        frame.addEventListener('load', done);
        frame.src = 'about:blank';
      }),
  },
});

launch();
