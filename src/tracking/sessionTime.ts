/** Time formats of the two SCORM versions. All inputs are milliseconds. */

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** SCORM 1.2 CMITimespan "HHHH:MM:SS.SS" (hours 2–4 digits; capped at 9999 h as the type allows no more). */
export function scorm12Timespan(ms: number): string {
  const cs = Math.min(Math.max(0, Math.round(ms / 10)), 9999 * 360000 + 359999);
  const h = Math.floor(cs / 360000);
  const m = Math.floor((cs % 360000) / 6000);
  const s = (cs % 6000) / 100;
  return `${pad(h)}:${pad(m)}:${s.toFixed(2).padStart(5, '0')}`;
}

/** SCORM 2004 timeinterval (ISO 8601 duration), seconds to hundredths as RTE 4.2.4 allows. */
export function iso8601Duration(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.floor(cs / 360000);
  const m = Math.floor((cs % 360000) / 6000);
  const s = (cs % 6000) / 100;
  return `PT${h ? h + 'H' : ''}${m ? m + 'M' : ''}${+s.toFixed(2)}S`;
}

/** SCORM 1.2 CMITime "HH:MM:SS" (local clock time of the answer). */
export function scorm12Time(epochMs: number): string {
  const d = new Date(epochMs);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/**
 * SCORM 2004 time(second,10,0). The RTE grammar allows the zone designator only after a
 * fraction of a second, so "…:05Z" is invalid and "…:05.0Z" is the form every LMS accepts.
 */
export function iso8601Timestamp(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 19) + '.0Z';
}
