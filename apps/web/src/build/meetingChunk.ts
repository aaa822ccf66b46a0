import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * The phone's live meeting as one chunk. Left to itself the bundler splits what `PhoneMeeting` brings beyond the
 * entry into a dozen small chunks shared with console pages, and on a phone's slow link each costs a round trip
 * (six at a time) between pressing Join and the card box. Every module that `lazyRoot` reaches by static imports and
 * the entry does not is put in one chunk named after it; console pages that share some of it load that chunk too.
 * Returns the plugin (it reads the module graph once it is built) and the code-splitting group to give the build.
 */
export function meetingChunk(root: string, entry: string, lazyRoot: string) {
  const captured = new Set<string>();
  const entryId = path.resolve(root, entry);
  const rootId = path.resolve(root, lazyRoot);
  const plugin: Plugin = {
    name: 'consultboard-meeting-chunk',
    apply: 'build',
    buildEnd() {
      const reach = (from: string) => {
        const seen = new Set<string>();
        const stack = [from];
        for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
          if (seen.has(id)) continue;
          seen.add(id);
          stack.push(...(this.getModuleInfo(id)?.importedIds ?? []));
        }
        return seen;
      };
      const initial = reach(entryId);
      for (const id of reach(rootId)) if (!initial.has(id)) captured.add(id);
      if (!captured.has(rootId)) this.error(`${lazyRoot} is not in the build, or the entry imports it statically`);
    },
  };
  const group = {
    name: path.basename(lazyRoot).replace(/\.[^.]+$/, ''),
    test: (id: string) => captured.has(id),
    // What it captures is closed under static imports already, less the entry's own modules (which stay there).
    includeDependenciesRecursively: false,
  };
  return { plugin, group };
}
