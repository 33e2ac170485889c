import { spawn, spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { OGR2OGR } from './machine.js';

export interface Ogr2ogrLoad {
  /** Wall time of the ogr2ogr process, start-up included. */
  seconds: number;
  /** Features in the written GeoPackage, read back with ogrinfo after the timing. */
  featureCount: number | null;
}

/**
 * The ingest anchor (docs ECOSYSTEM.md): loads a CSV in the common open-data layout into a
 * fresh GeoPackage with GDAL, `ogr2ogr -f GPKG out.gpkg in.csv -oo X_POSSIBLE_NAMES=longitude
 * -oo Y_POSSIBLE_NAMES=latitude`, and times it. The output is deleted before and after.
 */
export async function ogr2ogrLoad(csvPath: string, gpkgPath: string): Promise<Ogr2ogrLoad> {
  await rm(gpkgPath, { force: true });
  try {
    const args = [
      '-f',
      'GPKG',
      gpkgPath,
      csvPath,
      '-oo',
      'X_POSSIBLE_NAMES=longitude',
      '-oo',
      'Y_POSSIBLE_NAMES=latitude',
    ];
    const started = performance.now();
    const { code, stderr } = await run(OGR2OGR, args);
    const seconds = (performance.now() - started) / 1000;
    if (code !== 0) throw new Error(`${OGR2OGR} exited with code ${code}: ${stderr.slice(-2000)}`);
    return { seconds, featureCount: featureCount(gpkgPath) };
  } finally {
    await rm(gpkgPath, { force: true });
  }
}

function featureCount(gpkgPath: string): number | null {
  const info = spawnSync(OGR2OGR.replace(/ogr2ogr$/, 'ogrinfo'), ['-so', '-al', gpkgPath], {
    encoding: 'utf8',
  });
  const count = /Feature Count: (\d+)/.exec(info.stdout ?? '')?.[1];
  return count === undefined ? null : Number(count);
}

function run(command: string, args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error) =>
      reject(new Error(`cannot run ${command} (${error.message}); install gdal-bin`, { cause: error })),
    );
    child.on('close', (code) => resolvePromise({ code, stderr }));
  });
}
