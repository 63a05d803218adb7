/** The smallest single replacement turning `from` into `to`: the changed middle, by offsets. Host-free. */
export function minimalReplacement(from: string, to: string): { start: number; end: number; newText: string } | undefined {
  if (from === to) return undefined;
  let start = 0;
  const max = Math.min(from.length, to.length);
  while (start < max && from.charCodeAt(start) === to.charCodeAt(start)) start++;
  let endFrom = from.length;
  let endTo = to.length;
  while (endFrom > start && endTo > start && from.charCodeAt(endFrom - 1) === to.charCodeAt(endTo - 1)) {
    endFrom--;
    endTo--;
  }
  return { start, end: endFrom, newText: to.slice(start, endTo) };
}
