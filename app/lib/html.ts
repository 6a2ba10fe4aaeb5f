/** Text made safe to place in HTML, as element content or as a quoted attribute value. */
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

const ESCAPE_CHARS = /[&<>"']/g;

export function escapeHtml(text: string): string {
  return text.replace(ESCAPE_CHARS, (c) => ESCAPES[c]);
}
