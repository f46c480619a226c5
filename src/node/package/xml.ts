export const xmlEscape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** Manifest identifiers are xs:ID values: an NCName, which may not start with a digit. */
export const ncName = (s: string) => (/^[A-Za-z_]/.test(s) ? s : `id-${s}`).replace(/[^A-Za-z0-9_.-]/g, '-');
