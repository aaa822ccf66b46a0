import { describe, expect, it } from 'vitest';
import { type BundleChunk, type BundleItem, precacheList, precacheVersion } from './precacheList';

function chunk(fileName: string, change: Partial<BundleChunk> = {}): BundleChunk {
  return { type: 'chunk', fileName, isEntry: false, imports: [], dynamicImports: [], facadeModuleId: null, ...change };
}

const bundle: Record<string, BundleItem> = {
  'assets/index-a1.js': chunk('assets/index-a1.js', {
    isEntry: true,
    imports: ['assets/api-b2.js'],
    dynamicImports: ['assets/BoardPage-c3.js', 'assets/NotesPanel-d4.js'],
    viteMetadata: { importedCss: new Set(['assets/index-e5.css']), importedAssets: new Set() },
  }),
  'assets/api-b2.js': chunk('assets/api-b2.js'),
  'assets/BoardPage-c3.js': chunk('assets/BoardPage-c3.js', {
    facadeModuleId: '/repo/apps/web/src/pages/BoardPage.tsx',
    imports: ['assets/qrcode-f6.js'],
  }),
  'assets/qrcode-f6.js': chunk('assets/qrcode-f6.js'),
  'assets/NotesPanel-d4.js': chunk('assets/NotesPanel-d4.js', {
    facadeModuleId: '/repo/apps/web/src/notes/NotesPanel.tsx',
    imports: ['assets/api-b2.js', 'assets/yjs-g7.js'],
    viteMetadata: { importedCss: new Set(['assets/NotesPanel-h8.css']), importedAssets: new Set() },
  }),
  'assets/yjs-g7.js': chunk('assets/yjs-g7.js'),
  'assets/index-e5.css': { type: 'asset', fileName: 'assets/index-e5.css' },
  'assets/NotesPanel-h8.css': { type: 'asset', fileName: 'assets/NotesPanel-h8.css' },
  'sw.js': chunk('sw.js', { isEntry: true }),
};

describe('precacheList', () => {
  it("lists the shell, the entry's static imports and CSS, and the chosen dynamic chunks, sorted and once", () => {
    const urls = precacheList(bundle, { includeDynamic: (id) => id.includes('/src/notes/'), exclude: ['sw.js'] });
    expect(urls).toEqual([
      '/join',
      '/assets/NotesPanel-d4.js',
      '/assets/NotesPanel-h8.css',
      '/assets/api-b2.js',
      '/assets/index-a1.js',
      '/assets/index-e5.css',
      '/assets/yjs-g7.js',
    ]);
  });

  it('leaves out the signed-in pages and the worker itself', () => {
    const urls = precacheList(bundle, { includeDynamic: () => false, exclude: ['sw.js'] });
    expect(urls).not.toContain('/assets/BoardPage-c3.js');
    expect(urls).not.toContain('/assets/NotesPanel-d4.js');
    expect(urls).not.toContain('/sw.js');
  });
  it('follows a dynamic import into a chunk a code-splitting group made (no facade) by the modules in it', () => {
    const grouped: Record<string, BundleItem> = {
      ...bundle,
      'assets/index-a1.js': chunk('assets/index-a1.js', {
        isEntry: true,
        dynamicImports: ['assets/PhoneMeeting-i9.js', 'assets/BoardPage-c3.js'],
      }),
      'assets/PhoneMeeting-i9.js': chunk('assets/PhoneMeeting-i9.js', {
        moduleIds: ['/repo/apps/web/src/pages/PhoneMeeting.tsx', '/repo/apps/web/src/pages/CardForm.tsx'],
        dynamicImports: ['assets/NotesPanel-d4.js'],
      }),
    };
    const atInstall = precacheList(grouped, {
      includeDynamic: (id) => id.endsWith('/src/pages/PhoneMeeting.tsx'),
      exclude: ['sw.js'],
    });
    expect(atInstall).toEqual(['/join', '/assets/PhoneMeeting-i9.js', '/assets/index-a1.js']);
    const offline = precacheList(grouped, {
      includeDynamic: (id) => /\/src\/(notes\/|pages\/PhoneMeeting\.tsx$)/.test(id),
      exclude: ['sw.js'],
    });
    expect(offline).toContain('/assets/NotesPanel-d4.js');
    expect(offline).not.toContain('/assets/BoardPage-c3.js');
  });
});

describe('precacheVersion', () => {
  it('changes when the list changes and not otherwise', () => {
    expect(precacheVersion(['/join', '/assets/a.js'])).toBe(precacheVersion(['/join', '/assets/a.js']));
    expect(precacheVersion(['/join', '/assets/a.js'])).not.toBe(precacheVersion(['/join', '/assets/b.js']));
  });
});
