import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedSource, SourceRow } from '../source-row.js';
import { openCsv } from './index.js';

// Fixtures: test/fixtures/ingest/README.md says where each came from and what is broken.
const fixture = (name: string): string =>
  fileURLToPath(new URL(`../../../test/fixtures/ingest/${name}`, import.meta.url));

async function readAll(source: OpenedSource): Promise<SourceRow[]> {
  const rows: SourceRow[] = [];
  for await (const row of source.rows()) rows.push(row);
  return rows;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'repere-csv-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function tempFile(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe('openCsv on the real fixtures', () => {
  it('reads workbc-10.csv: UTF-8, ",", 17 columns, 10 rows', async () => {
    const source = await openCsv(fixture('workbc-10.csv'));
    expect(source.detected).toEqual({ format: 'csv', encoding: 'utf-8', delimiter: ',', bom: false });
    expect(source.headers).toEqual([
      'id',
      'name',
      'street_address',
      'city',
      'province_code',
      'postal_code',
      'phone',
      'fax',
      'email',
      'website',
      'catchment_id',
      'catchment_name',
      'storefront_id',
      'french_services',
      'hours',
      'latitude',
      'longitude',
    ]);
    const rows = await readAll(source);
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(rows[0]).toEqual({
      row: 1,
      cellCount: 17,
      fields: {
        id: 'p1',
        name: 'WorkBC Centre - Campbell River',
        street_address: '920 Alder Street',
        city: 'Campbell River',
        province_code: 'BC',
        postal_code: 'V9W 2P8',
        phone: '250-286-3441',
        fax: '250-286-3447',
        email: 'centre-campbellriver@workbc.ca',
        website: 'https://workbc.ca/WorkBC-Centres/Vancouver-Island-Coast/Campbell-River.aspx',
        catchment_id: '01',
        catchment_name: 'Vancouver Island North',
        storefront_id: '1',
        french_services: 'N',
        hours:
          '8:30 am to 4:30 pm Monday, Tuesday, Thursday, Friday; 8:30 am to 6:00 pm Wednesday; Statutory Holidays - Closed',
        latitude: '50.0240613',
        longitude: '-125.2434889',
      },
    });
    expect(rows[9].fields.id).toBe('p10');
    expect(rows[9].fields.name).toBe('WorkBC Centre - Duncan');
    expect(rows[9].fields.latitude).toBe('48.7776938');
  });

  it('reads cp1252-fr-semicolon.csv: windows-1252 with ’ and œ right, ";", CRLF', async () => {
    const source = await openCsv(fixture('cp1252-fr-semicolon.csv'));
    expect(source.detected).toEqual({ format: 'csv', encoding: 'windows-1252', delimiter: ';', bom: false });
    expect(source.headers).toEqual([
      'nom',
      'adresse',
      'ville',
      'province',
      'code postal',
      'téléphone',
      'courriel',
      'site web',
      'latitude',
      'longitude',
    ]);
    const rows = await readAll(source);
    expect(rows).toHaveLength(8);
    // Bytes 0x92 (’) and 0x9C (œ): what Node 20's TextDecoder('windows-1252') gets wrong.
    expect(rows[0].fields.nom).toBe('Bibliothèque de l’Île des Sœurs');
    expect(rows[0].fields.adresse).toBe('260, rue Elgar');
    expect(rows[0].fields.ville).toBe('Montréal');
    expect(rows[0].fields['téléphone']).toBe('514 765-7266');
    expect(rows[0].fields.longitude).toBe('-73.5466571');
    expect(rows[4].fields.nom).toBe('Bibliothèque Émile-Nelligan');
    expect(rows[5].fields.nom).toBe('Bibliothèque Germaine-Guèvremont');
    expect(rows[6].fields).toEqual({
      nom: 'Bibliothèque Jean-Marie-Caron',
      adresse: '430, boulevard du Progrès',
      ville: 'Gatineau',
      province: 'QC',
      'code postal': '',
      téléphone: '',
      courriel: '',
      'site web': '',
      latitude: '45.524587',
      longitude: '-75.488303',
    });
  });

  it('strips the BOM of bom-utf8.csv from the first header', async () => {
    const source = await openCsv(fixture('bom-utf8.csv'));
    expect(source.detected).toEqual({ format: 'csv', encoding: 'utf-8', delimiter: ',', bom: true });
    expect(source.headers[0]).toBe('sc_id');
    const rows = await readAll(source);
    expect(rows).toHaveLength(4);
    expect(rows[0].fields.sc_id).toBe('5944');
    expect(rows[0].fields.street_address).toBe('32525 Simon Avenue, Suite 100');
    expect(rows[3].fields.name).toBe('Côte-des-Neiges - N.-D.-de-Grâce Service Canada Centre');
    expect(rows[3].fields.street_address).toBe('');
    expect(rows[3].fields.has_address).toBe('no');
  });

  it('numbers records, not lines, in quoted-newlines.csv (16 lines, 6 rows)', async () => {
    const rows = await readAll(await openCsv(fixture('quoted-newlines.csv')));
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rows[2].fields.mailing_address).toBe('36243 Cabot Trail\nPO Box 233\nIngonish, NS  B0C 1K0');
    expect(rows[3].fields.mailing_address).toBe('500 George Street\nSuite 100\nSydney, NS  B1P 1K6');
    expect(rows[5]).toEqual({
      row: 6,
      cellCount: 6,
      fields: {
        centre_name: 'Island Employment Association (satellite office)',
        mailing_address: '15122 Cabot Trail\nCheticamp, NS  B0E 1H0',
        phone: '902 224-2117',
        email: 'msaucoin@islandemployment.ca',
        latitude: '46.625592',
        longitude: '-61.015455',
      },
    });
  });

  it('keeps every row of broken-rows.csv, short and long ones included, with the documented numbers', async () => {
    const rows = await readAll(await openCsv(fixture('broken-rows.csv')));
    expect(rows.map((r) => `${r.row}:${r.fields.id}`)).toEqual([
      '1:p11',
      '2:p12',
      '3:p13',
      '4:p14',
      '5:p15',
      '6:p16',
      '7:p16',
      '8:p17',
      '9:p18',
      '10:p19',
      '11:p20',
      '12:p21',
      '13:p22',
      '14:p23',
      '15:p24',
    ]);
    const byRow = (n: number): Record<string, string> => rows[n - 1].fields;
    expect([byRow(3).latitude, byRow(3).longitude]).toEqual(['-123.7193016', '48.37844']);
    expect([byRow(4).latitude, byRow(4).longitude]).toEqual(['47.6062', '-122.3321']);
    expect(byRow(5).name).toBe('');
    expect(byRow(7)).toEqual(byRow(6));
    expect(byRow(8).postal_code).toBe('Z9Z 9Z9');
    expect(byRow(9).phone).toBe('604-885-33');
    expect([byRow(10).postal_code, byRow(10).latitude, byRow(10).longitude]).toEqual(['V8B 0A8', '', '']);
    expect([
      byRow(11).street_address,
      byRow(11).city,
      byRow(11).province_code,
      byRow(11).postal_code,
    ]).toEqual(['', 'North Vancouver', 'BC', '']);
    expect([byRow(12).latitude, byRow(12).longitude]).toEqual(['abc', 'abc']);
    // Short row: the missing cell is empty; long row: the extra cell is kept under _extra_1.
    expect([byRow(13).latitude, byRow(13).longitude]).toEqual(['49.278588', '']);
    expect(Object.keys(byRow(13))).toHaveLength(17);
    expect(byRow(14)._extra_1).toBe('see website');
    expect(byRow(14).longitude).toBe('-123.1112381');
    expect(Object.keys(byRow(14))).toHaveLength(18);
  });

  it('reads tab.tsv and pipe.csv, trimming cells', async () => {
    const tab = await openCsv(fixture('tab.tsv'));
    expect(tab.detected.delimiter).toBe('\t');
    const tabRows = await readAll(tab);
    expect(tabRows).toHaveLength(4);
    expect(tabRows[1].fields).toEqual({
      name: 'Riley Park',
      street_address: '3981 Main St',
      city: 'Vancouver',
      province_code: 'BC',
      url: 'http://www.vpl.ca/branches/details/riley_park_branch',
      latitude: '49.2496745761709',
      longitude: '-123.101432658316',
    });

    const pipe = await openCsv(fixture('pipe.csv'));
    expect(pipe.detected.delimiter).toBe('|');
    expect(pipe.headers).toEqual([
      '_id',
      'BranchName',
      'Address',
      'PostalCode',
      'Telephone',
      'Lat',
      'Long',
      'NBHDName',
    ]);
    const pipeRows = await readAll(pipe);
    expect(pipeRows).toHaveLength(4);
    expect(pipeRows[0].fields.Address).toBe('1515 Albion Road, Toronto, ON, M9V 1B2');
    // The source has a trailing space here.
    expect(pipeRows[1].fields.NBHDName).toBe('Clairlea-Birchmount');
    expect(pipeRows[3].fields.NBHDName).toBe("Tam O'Shanter-Sullivan");
  });

  it('re-reads the file on each rows() call, also after an early break', async () => {
    const source = await openCsv(fixture('workbc-10.csv'));
    for await (const first of source.rows()) {
      expect(first.fields.id).toBe('p1');
      break;
    }
    expect(await readAll(source)).toHaveLength(10);
    expect(await readAll(source)).toHaveLength(10);
  });
});

describe('openCsv options', () => {
  it('forces the delimiter', async () => {
    const source = await openCsv(fixture('pipe.csv'), { delimiter: ',' });
    expect(source.detected.delimiter).toBe(',');
    expect(source.headers).toEqual(['_id|BranchName|Address|PostalCode|Telephone|Lat|Long|NBHDName']);
    const [first] = await readAll(source);
    expect(first.fields).toEqual({
      '_id|BranchName|Address|PostalCode|Telephone|Lat|Long|NBHDName': '1|Albion|1515 Albion Road',
      _extra_1: 'Toronto',
      _extra_2: 'ON',
      _extra_3: 'M9V 1B2|M9V 1B2|416-394-5170|43.739826|-79.584096|Mount Olive-Silverstone-Jamestown',
    });
  });

  it('forces windows-1252 on a UTF-8 file (mojibake, as asked) and still drops the BOM', async () => {
    const source = await openCsv(fixture('bom-utf8.csv'), { encoding: 'windows-1252' });
    expect(source.detected).toEqual({ format: 'csv', encoding: 'windows-1252', delimiter: ',', bom: true });
    expect(source.headers[0]).toBe('sc_id');
    const rows = await readAll(source);
    expect(rows[3].fields.name).toBe('CÃ´te-des-Neiges - N.-D.-de-GrÃ¢ce Service Canada Centre');
  });

  it('forcing UTF-8 on windows-1252 bytes fails with the line and what to do', async () => {
    const path = fixture('cp1252-fr-semicolon.csv');
    await expect(openCsv(path, { encoding: 'utf-8' })).rejects.toThrow(
      `${path}: line 1: byte 0xE9 is not UTF-8, although the start of the file is. Re-save the file as UTF-8, or import it with encoding "windows-1252" if it came from Excel on Windows.`,
    );
  });
});

describe('openCsv on edge cases', () => {
  it('suffixes duplicate headers, names blank ones, trims them', async () => {
    const path = await tempFile('dupes.csv', ' name ,phone,phone,,phone\nYMCA,1,2,3,4\n');
    const source = await openCsv(path);
    expect(source.headers).toEqual(['name', 'phone', 'phone_2', 'column_4', 'phone_3']);
    expect((await readAll(source))[0].fields).toEqual({
      name: 'YMCA',
      phone: '1',
      phone_2: '2',
      column_4: '3',
      phone_3: '4',
    });
  });

  it('skips blank and all-empty lines without counting them; trims cells; keeps doubled quotes', async () => {
    const path = await tempFile(
      'blanks.csv',
      'name,city\n\n  Centre ""Le Phare""  , Sydney \n,\n\n"Job Junction, ""main"" office",Halifax\n   \n',
    );
    const rows = await readAll(await openCsv(path));
    expect(rows).toEqual([
      { row: 1, cellCount: 2, fields: { name: 'Centre ""Le Phare""', city: 'Sydney' } },
      { row: 2, cellCount: 2, fields: { name: 'Job Junction, "main" office', city: 'Halifax' } },
    ]);
  });

  it('names the file and line of an unterminated quote', async () => {
    const path = await tempFile('unclosed.csv', 'name,city\nA,B\n"C,D\nE,F\n');
    const source = await openCsv(path);
    await expect(readAll(source)).rejects.toThrow(
      `${path}: line 3: a quoted field that starts on or after line 3 is never closed before the end of the file. ` +
        'Add the missing closing quote ("), or double any quote inside a quoted field ("").',
    );
  });

  it('stops early when an unclosed quote would swallow the rest of a large file', async () => {
    const path = await tempFile('runaway.csv', `name,city\nA,B\n"C,D\n${'Sydney,NS\n'.repeat(20_000)}`);
    await expect(readAll(await openCsv(path))).rejects.toThrow(
      `${path}: line 3: the record starting on or after line 3 is longer than 128000 characters, ` +
        'usually because a quote (") opened there is never closed. Fix the quoting near that line.',
    );
  });

  it('refuses a delimiter that cannot be one', async () => {
    const path = fixture('workbc-10.csv');
    await expect(openCsv(path, { delimiter: '"' })).rejects.toThrow(
      `${path}: the delimiter "\\"" cannot be used`,
    );
    await expect(openCsv(path, { delimiter: '' })).rejects.toThrow(
      `${path}: the delimiter "" cannot be used`,
    );
  });

  it('says which file is missing', async () => {
    const path = join(dir, 'nope.csv');
    await expect(openCsv(path)).rejects.toThrow(
      `${path}: cannot open the CSV file (no such file); check the path and permissions.`,
    );
  });

  it('refuses an empty file and a UTF-16 file', async () => {
    const empty = await tempFile('empty.csv', '\n\n');
    await expect(openCsv(empty)).rejects.toThrow(`${empty}: line 1: the file is empty`);
    const utf16 = await tempFile('utf16.csv', Buffer.from('\uFEFFname\nA\n', 'utf16le'));
    await expect(openCsv(utf16)).rejects.toThrow(`${utf16}: line 1: the file is UTF-16`);
  });

  it('stops with the line number when bytes after the first 64 KiB are not UTF-8', async () => {
    const lines = ['id,name'];
    for (let i = 1; i <= 3000; i += 1) lines.push(`${i},Service Canada Centre number ${i}`);
    // 0x92 is "’" in windows-1252: a row pasted from Excel into a UTF-8 file.
    const head = Buffer.from(`${lines.join('\n')}\n`);
    expect(head.length).toBeGreaterThan(64 * 1024);
    const path = await tempFile(
      'late-cp1252.csv',
      Buffer.concat([head, Buffer.from('3001,Centre l'), Buffer.of(0x92), Buffer.from('Île\n')]),
    );
    const source = await openCsv(path);
    expect(source.detected.encoding).toBe('utf-8');
    await expect(readAll(source)).rejects.toThrow(`${path}: line 3002: byte 0x92 is not UTF-8`);
  });

  it('streams 100,000 rows with correct numbering', async () => {
    const path = join(dir, 'big.csv');
    const chunks = ['id,name,city,latitude,longitude\n'];
    for (let i = 1; i <= 100_000; i += 1) {
      chunks.push(
        i % 1000 === 0
          ? `${i},"Centre ${i}\nsuite ${i}",Montréal,45.5,-73.6\n`
          : `${i},Centre ${i},Laval,45.6,-73.7\n`,
      );
    }
    await writeFile(path, chunks.join(''));
    let count = 0;
    let last: SourceRow | undefined;
    for await (const row of (await openCsv(path)).rows()) {
      count += 1;
      last = row;
    }
    expect(count).toBe(100_000);
    expect(last).toEqual({
      row: 100_000,
      cellCount: 5,
      fields: {
        id: '100000',
        name: 'Centre 100000\nsuite 100000',
        city: 'Montréal',
        latitude: '45.5',
        longitude: '-73.6',
      },
    });
  });
});
