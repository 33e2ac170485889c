import { setFlagsFromString } from 'node:v8';

/** Commands that stream a whole file or database through the process. */
const BATCH_COMMANDS: ReadonlySet<string> = new Set(['validate', 'import', 'export', 'harvest', 'build-default', 'copy']);

/**
 * V8 sizes the heap at a multiple of what survived the last full GC, and picks a larger
 * multiple when GC looks slow next to the program, as it does when both cores are busy (an
 * import's second thread writes SQLite). The garbage of a 100,000-row import then let the
 * heap grow to ~200 MB in some runs and ~115 MB in others (peak RSS 235–320 MB). A fixed
 * factor of 1.5 keeps it flat (peak RSS 215–225 MB over 8 runs) for a few more, shorter GCs;
 * measured in bench/README.md. Long-running commands (`serve`) keep V8's default.
 */
export function useFlatHeapFor(command: string | undefined): void {
  if (command !== undefined && BATCH_COMMANDS.has(command)) setFlagsFromString('--heap-growing-percent=50');
}
