import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The working group's shared folder sits beside the repository (`../shared`, as on the
 * developers' machines and in CI). The HSDS 3.0 schemas (17 MB, CC BY-SA 4.0) are read from
 * there rather than vendored; HSDS_SPEC_DIR overrides the location.
 */
export function hsdsSpecDir(): string {
  const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
  const dir = process.env['HSDS_SPEC_DIR'] ?? resolve(root, '../shared/specs/hsds-3.0');
  if (!existsSync(resolve(dir, 'schema'))) {
    throw new Error(`HSDS 3.0 schemas not found in ${dir}: put the shared folder beside the repository or set HSDS_SPEC_DIR`);
  }
  return dir;
}
