import { createReadStream } from 'node:fs';

// Byte values that windows-1252 leaves undefined: a file using them is not windows-1252 text.
const UNDEFINED_IN_WINDOWS_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** Why a downloaded text file cannot be read as UTF-8 or windows-1252, or null when it can. */
export interface EncodingProblem {
  /** 0-based offset of the first offending byte. */
  offset: number;
  message: string;
}

/**
 * Checks a whole file before the CSV reader sees it. The reader decodes anything that is not
 * UTF-8 as windows-1252, which never fails, so binary data (a ZIP or XLSX served as "CSV"),
 * UTF-16 text or another code page would otherwise be imported as garbage. A file is accepted
 * when it is valid UTF-8, or when it has no NUL byte and no byte windows-1252 leaves undefined.
 * @example await findEncodingProblem('/tmp/resource.csv') // null for a UTF-8 or windows-1252 file
 */
export async function findEncodingProblem(path: string): Promise<EncodingProblem | null> {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let utf8Valid = true;
  let nul: number | null = null;
  let undefinedByte: { offset: number; byte: number } | null = null;
  let offset = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    if (utf8Valid) {
      try {
        utf8.decode(chunk, { stream: true });
      } catch {
        utf8Valid = false;
      }
    }
    if (nul === null) {
      const index = chunk.indexOf(0);
      if (index >= 0) nul = offset + index;
    }
    if (undefinedByte === null) {
      const index = chunk.findIndex((byte) => UNDEFINED_IN_WINDOWS_1252.has(byte));
      if (index >= 0) undefinedByte = { offset: offset + index, byte: chunk[index] ?? 0 };
    }
    offset += chunk.length;
  }
  if (utf8Valid) {
    try {
      utf8.decode();
    } catch {
      utf8Valid = false;
    }
  }
  // UTF-16 text of ASCII characters is valid UTF-8 byte by byte: only its NULs give it away.
  if (nul !== null) {
    return { offset: nul, message: `byte ${nul} is NUL (0x00): the file is binary or UTF-16, not UTF-8 or windows-1252 text` };
  }
  if (!utf8Valid && undefinedByte) {
    const hex = undefinedByte.byte.toString(16).toUpperCase();
    return {
      offset: undefinedByte.offset,
      message: `the file is not UTF-8, and byte ${undefinedByte.offset} (0x${hex}) is undefined in windows-1252, so it is not windows-1252 either`,
    };
  }
  return null;
}
