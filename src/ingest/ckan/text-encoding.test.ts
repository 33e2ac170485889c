import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findEncodingProblem } from './text-encoding.js';

// The same French library rows in four encodings: test/ckan/fixtures/README.md.
const FILES = resolve('test/ckan/fixtures/files');

describe('findEncodingProblem', () => {
  it('accepts UTF-8 and windows-1252 text', async () => {
    expect(await findEncodingProblem(join(FILES, 'workbc-centres-v1.csv'))).toBeNull();
    expect(await findEncodingProblem(join(FILES, 'bibliotheques-cp1252.csv'))).toBeNull();
  });

  it('refuses UTF-16 (its NUL bytes) and Mac Roman (0x8F is undefined in windows-1252)', async () => {
    expect(await findEncodingProblem(join(FILES, 'bibliotheques-utf16le.csv'))).toEqual({
      offset: 3,
      message: 'byte 3 is NUL (0x00): the file is binary or UTF-16, not UTF-8 or windows-1252 text',
    });
    expect(await findEncodingProblem(join(FILES, 'bibliotheques-macroman.csv'))).toEqual({
      offset: 95,
      message: 'the file is not UTF-8, and byte 95 (0x8F) is undefined in windows-1252, so it is not windows-1252 either',
    });
  });
});
