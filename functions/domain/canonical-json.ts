/**
 * Canonical JSON, the input of every hash the system publishes (receipts, the audit chain): object keys sorted by
 * UTF-16 code units at every level, undefined members left out, no white space, arrays in order, strings and
 * numbers as JSON.stringify writes them (RFC 8785 for this data).
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
