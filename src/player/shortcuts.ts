// A device preference, not course progress: kept in the browser, not in the LMS.
const KEY = 'player.shortcuts';

export function shortcutsEnabled(): boolean {
  try {
    return localStorage.getItem(KEY) !== 'off';
  } catch {
    return true; // storage blocked (sandboxed LMS frame): keep the default
  }
}

export function setShortcutsEnabled(on: boolean): void {
  try {
    localStorage.setItem(KEY, on ? 'on' : 'off');
  } catch {
    /* storage blocked: the choice lasts until the page closes */
  }
  memory = on;
}

let memory: boolean | null = null;
export const shortcutsOn = () => memory ?? shortcutsEnabled();
