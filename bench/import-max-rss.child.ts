// Runs the `repere` command line in this process with the arguments given, and prints the
// process's peak resident set size on stderr when it exits (also after an error), as
// `max_rss_kib=<n>` (Linux reports ru_maxrss in KiB). Used by bench/cli-import.ts where
// /usr/bin/time is not installed (Debian's `time` package is not in .ci/run):
//   node --import tsx bench/import-max-rss.child.ts import file.csv --source bench --db x.db --json
import { fileURLToPath } from 'node:url';
import { MAX_RSS_MARKER } from './cli-import.js';

process.on('exit', () => {
  process.stderr.write(`\n${MAX_RSS_MARKER}${process.resourceUsage().maxRSS}\n`);
});

// src/cli/main.ts parses process.argv when it is first imported: give it the CLI's argv.
const main = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
process.argv = [process.argv[0], main, ...process.argv.slice(2)];
await import('../src/cli/main.js');
