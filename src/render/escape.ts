/**
 * The one escape function for document text placed into HTML or SVG markup (element text
 * and quoted attribute values alike). Everything a design says goes through here.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeMarkup(text: string): string {
  return (
    text
      .replace(/[&<>"']/g, (c) => ENTITIES[c])
      // Control characters (reachable through YAML's "\x01" escapes) are not allowed in XML:
      // one would make the exported SVG unreadable.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD')
  );
}
