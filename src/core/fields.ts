// Header fields of a located block: unfolded (RFC 5322 §2.2.3), in document order, raw text kept.
import { MAX_FIELDS } from './limits.js';

export interface Field {
  /** As written. */
  name: string;
  /** Lower-cased, for lookups. Kept in arrays and Maps only, so `__proto__` is an ordinary name. */
  key: string;
  /** Unfolded value: line breaks before continuation whitespace removed, leading space trimmed. */
  value: string;
  /** The field as it stood in the block, line breaks kept. */
  raw: string;
}

export interface FieldList {
  fields: Field[];
  truncated: boolean;
}

export function splitFields(lines: string[]): FieldList {
  const fields: Field[] = [];
  let name = '';
  let parts: string[] = [];
  let truncated = false;
  const flush = () => {
    if (parts.length === 0) return;
    const raw = parts.join('\n');
    const value = parts.join('').slice(name.length + 1).trim();
    fields.push({ name, key: name.toLowerCase(), value, raw });
    parts = [];
  };
  for (const line of lines) {
    const c = line.charCodeAt(0);
    if (c === 0x20 || c === 0x09) {
      if (parts.length > 0) parts.push(line);
      continue;
    }
    flush();
    if (fields.length >= MAX_FIELDS) {
      truncated = true;
      break;
    }
    name = line.slice(0, line.indexOf(':'));
    parts.push(line);
  }
  if (!truncated) flush();
  return { fields, truncated };
}

/** First field with this (lower-case) name, or null. */
export function firstField(fields: readonly Field[], key: string): Field | null {
  for (const f of fields) if (f.key === key) return f;
  return null;
}
