import { foldText } from '../../domain/text.js';

/** Inputs remembered per generation; two generations are kept. */
const GENERATION_SIZE = 256;
let recent = new Map<string, string>();
let older = new Map<string, string>();

/**
 * `foldText(text)`, remembering the last few hundred inputs. A row's name, street, city and
 * postal code are folded for its content id (normalise-record.ts) and again, a moment later,
 * for the within-source dedupe key; cities and provinces repeat across rows. foldText is a
 * pure function, so the result is the same either way.
 */
export function foldRecent(text: string): string {
  let folded = recent.get(text);
  if (folded !== undefined) return folded;
  folded = older.get(text) ?? foldText(text);
  if (recent.size >= GENERATION_SIZE) {
    older = recent;
    recent = new Map();
  }
  recent.set(text, folded);
  return folded;
}
