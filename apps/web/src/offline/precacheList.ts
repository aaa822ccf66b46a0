import { SHELL_URL } from './swRoutes';

/** The parts of a Rollup/Rolldown output chunk the precache list needs. */
export interface BundleChunk {
  type: 'chunk';
  fileName: string;
  isEntry: boolean;
  imports: readonly string[];
  dynamicImports: readonly string[];
  facadeModuleId: string | null;
  /** Every module in the chunk: a chunk the build's code-splitting groups made has no facade, only these. */
  moduleIds?: readonly string[];
  viteMetadata?: { importedCss: ReadonlySet<string>; importedAssets: ReadonlySet<string> };
}

export interface BundleAsset {
  type: 'asset';
  fileName: string;
}

export type BundleItem = BundleChunk | BundleAsset;

export interface PrecacheOptions {
  /** Dynamically imported modules the phone must be able to load offline (the notes), by module id. */
  includeDynamic: (moduleId: string) => boolean;
  /** Chunks that are never part of the app shell (the service worker itself). */
  exclude?: readonly string[];
}

/**
 * The URLs the service worker caches on install: the shell page, the entry chunk with everything it imports
 * statically (and their CSS and assets), and the chosen dynamic chunks with theirs. Sorted, each once.
 */
export function precacheList(bundle: Readonly<Record<string, BundleItem>>, options: PrecacheOptions): string[] {
  const exclude = new Set(options.exclude ?? []);
  const files = new Set<string>();
  const visit = (fileName: string) => {
    if (files.has(fileName) || exclude.has(fileName)) return;
    const item = bundle[fileName];
    if (item?.type !== 'chunk') return;
    files.add(fileName);
    for (const css of item.viteMetadata?.importedCss ?? []) files.add(css);
    for (const asset of item.viteMetadata?.importedAssets ?? []) files.add(asset);
    for (const imported of item.imports) visit(imported);
    for (const dynamic of item.dynamicImports) {
      const target = bundle[dynamic];
      if (target?.type === 'chunk' && startModules(target).some(options.includeDynamic)) visit(dynamic);
    }
  };
  for (const item of Object.values(bundle)) {
    if (item.type === 'chunk' && item.isEntry) visit(item.fileName);
  }
  return [SHELL_URL, ...[...files].sort().map((file) => `/${file}`)];
}

/**
 * The modules a dynamic import of the chunk starts from: its facade, or, for a chunk made by a code-splitting group
 * (the phone's live meeting: see build/meetingChunk.ts), which has none, every module in it.
 */
const startModules = (chunk: BundleChunk): readonly string[] =>
  chunk.facadeModuleId ? [chunk.facadeModuleId] : (chunk.moduleIds ?? []);

/** A short, stable fingerprint of the list, so each build's worker uses a cache of its own. */
export function precacheVersion(urls: readonly string[]): string {
  // FNV-1a over the joined list: enough to tell builds apart, with no Node-only imports.
  let hash = 0x811c9dc5;
  for (const char of urls.join('\n')) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}
