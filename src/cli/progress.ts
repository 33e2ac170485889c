import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, label?: string): void;
  stop(): void;
}

/**
 * A progress bar on stderr for work longer than a second; when stderr is not a terminal it
 * prints occasional plain lines instead (cli-progress `noTTYOutput`). `--json` output on
 * stdout is never mixed with it.
 */
export function startProgress(title: string, total: number | null, quiet = false): Progress {
  if (quiet) return { update: () => undefined, stop: () => undefined };
  const started = Date.now();
  let bar: cliProgress.SingleBar | null = null;
  let last = 0;
  const ensure = (): cliProgress.SingleBar => {
    if (!bar) {
      bar = new cliProgress.SingleBar(
        {
          format: total
            ? `${title} [{bar}] {percentage}% {value}/{total} {label}`
            : `${title} {value} {label}`,
          stream: process.stderr,
          noTTYOutput: true,
          notTTYSchedule: 2000,
          hideCursor: true,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total ?? 0, last, { label: '' });
    }
    return bar;
  };
  return {
    update(done, label = '') {
      last = done;
      // Only work that lasts over a second gets a bar.
      if (bar || Date.now() - started > 1000) ensure().update(done, { label });
    },
    stop() {
      if (bar) {
        bar.update(last);
        bar.stop();
      }
    },
  };
}
