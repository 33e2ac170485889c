// Prints the top functions of a V8 CPU profile (from `node --cpu-prof`) by self and by
// inclusive time, with repository-relative locations; see bench/README.md "Profiling":
//   node --import tsx bench/summarise-cpu-profile.ts bench/out/profile [top]
// Given a folder, it reads the largest .cpuprofile in it: the main thread's (tsx's loader
// thread writes a second, small one).
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Self and inclusive milliseconds per function ("name path"), and the profile's total. No line
 * numbers: tsx compiles each file to a few lines, so V8's are not the source's.
 */
export function summariseCpuProfile(
  profile: CpuProfile,
  root: string,
): { totalMs: number; self: Map<string, number>; inclusive: Map<string, number> } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const label = (node: ProfileNode): string => {
    const { functionName, url } = node.callFrame;
    const where = url.startsWith('file://') ? url.slice('file://'.length).replace(`${root}/`, '') : url;
    return `${functionName || '(anonymous)'} ${where}`.trim();
  };
  // Microseconds per sampled node; timeDeltas[i] is the time before sample i.
  const sampled = new Map<number, number>();
  let totalUs = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    sampled.set(id, (sampled.get(id) ?? 0) + us);
    totalUs += us;
  });
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, us] of sampled) {
    const leaf = byId.get(id);
    if (!leaf) continue;
    self.set(label(leaf), (self.get(label(leaf)) ?? 0) + us / 1000);
    // Each function counts once per sample even when it recurses.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const node = byId.get(at);
      if (!node) break;
      const key = label(node);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us / 1000);
    }
  }
  return { totalMs: totalUs / 1000, self, inclusive };
}

async function largestProfile(path: string): Promise<string> {
  if (!(await stat(path)).isDirectory()) return path;
  const files = (await readdir(path))
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((name) => join(path, name));
  if (files.length === 0)
    throw new Error(`${path}: no .cpuprofile file; run node with --cpu-prof --cpu-prof-dir=${path} first`);
  const sizes = await Promise.all(files.map(async (file) => ({ file, size: (await stat(file)).size })));
  return sizes.sort((a, b) => b.size - a.size)[0].file;
}

const target = process.argv[2];
if (target === undefined)
  throw new Error('usage: node --import tsx bench/summarise-cpu-profile.ts <profile file or folder> [top]');
const top = Number(process.argv[3] ?? 25);
const file = await largestProfile(resolve(target));
const { totalMs, self, inclusive } = summariseCpuProfile(
  JSON.parse(await readFile(file, 'utf8')) as CpuProfile,
  process.cwd(),
);
const rows = (times: Map<string, number>): string =>
  [...times]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(
      ([name, ms]) =>
        `${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / totalMs).toFixed(1).padStart(5)} %  ${name}`,
    )
    .join('\n');
process.stdout.write(
  `${file}: ${totalMs.toFixed(0)} ms sampled\n\nby self time\n${rows(self)}\n\nby inclusive time\n${rows(inclusive)}\n`,
);
