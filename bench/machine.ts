import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import Database from 'better-sqlite3';

/** The GDAL tool used as the ingest anchor; Debian's gdal-bin installs it here. */
export const OGR2OGR = existsSync('/usr/bin/ogr2ogr') ? '/usr/bin/ogr2ogr' : 'ogr2ogr';

/** What the figures were measured on, printed above them. */
export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  sqlite: string;
  gdal: string;
  /** 1-minute load average when described: other work on a shared machine slows both sides. */
  loadAverage: number;
}

/** Describes this machine and the versions of the tools under test. */
export function describeMachine(): Machine {
  const cores = cpus();
  const db = new Database(':memory:');
  const sqlite = db.prepare('SELECT sqlite_version()').pluck().get() as string;
  db.close();
  return {
    cpu: cores[0]?.model.trim() ?? 'unknown',
    cores: cores.length,
    memoryGb: Math.round(totalmem() / 1e9),
    node: process.version,
    sqlite,
    gdal: gdalVersion() ?? 'not installed',
    loadAverage: loadavg()[0],
  };
}

/** "GDAL 3.6.2, released 2023/01/02", or null when ogr2ogr cannot be run. */
export function gdalVersion(): string | null {
  const result = spawnSync(OGR2OGR, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}
