/** What the first bytes of a text file say about how to decode it. */
export interface DetectedEncoding {
  /** 'utf-16' is only reported so the caller can refuse it with a clear message. */
  encoding: 'utf-8' | 'windows-1252' | 'utf-16';
  /** The file starts with a byte-order mark (EF BB BF, or FF FE / FE FF for UTF-16). */
  bom: boolean;
}

/**
 * Guesses the encoding of a file from its first bytes: a BOM decides; otherwise bytes that
 * are valid UTF-8 are UTF-8 and anything else is windows-1252 (the encoding Excel on a
 * French or English Windows writes "CSV" in). `isWholeFile` false means the sample was cut,
 * so a multi-byte character split at its end is not held against UTF-8.
 * @example detectEncoding(Uint8Array.of(0x4c, 0xe9, 0x76, 0x69, 0x73), true) // { encoding: 'windows-1252', bom: false }
 */
export function detectEncoding(sample: Uint8Array, isWholeFile: boolean): DetectedEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) {
    return { encoding: 'utf-8', bom: true };
  }
  if ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff)) {
    return { encoding: 'utf-16', bom: true };
  }
  const valid = firstInvalidUtf8Index(sample, isWholeFile) === -1;
  return { encoding: valid ? 'utf-8' : 'windows-1252', bom: false };
}

/**
 * Index of the first byte that cannot start or continue a well-formed UTF-8 sequence
 * (overlong forms, surrogates and code points past U+10FFFF included), or -1 when all are
 * valid. With `isWholeFile` false a sequence cut by the end of the buffer counts as valid.
 * @example firstInvalidUtf8Index(Uint8Array.of(0x61, 0x92, 0x62), true) // 1
 */
export function firstInvalidUtf8Index(bytes: Uint8Array, isWholeFile: boolean): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    const length = sequenceLength(lead);
    if (length === 0) return i;
    // The allowed range of the second byte rules out overlong forms (E0, F0), UTF-16
    // surrogates (ED A0–BF) and code points above U+10FFFF (F4 90+).
    const [low, high] = secondByteRange(lead);
    for (let k = 1; k < length; k += 1) {
      if (i + k >= bytes.length) return isWholeFile ? i : -1;
      const byte = bytes[i + k];
      const inRange = k === 1 ? byte >= low && byte <= high : byte >= 0x80 && byte <= 0xbf;
      if (!inRange) return i;
    }
    i += length;
  }
  return -1;
}

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

function secondByteRange(lead: number): [number, number] {
  if (lead === 0xe0) return [0xa0, 0xbf];
  if (lead === 0xed) return [0x80, 0x9f];
  if (lead === 0xf0) return [0x90, 0xbf];
  if (lead === 0xf4) return [0x80, 0x8f];
  return [0x80, 0xbf];
}
