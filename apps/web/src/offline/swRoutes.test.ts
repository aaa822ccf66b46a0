import { describe, expect, it } from 'vitest';
import { routeRequest } from './swRoutes';

const origin = 'https://consultboard.example';
const route = (path: string, mode = 'navigate', method = 'GET', base = origin) =>
  routeRequest(new URL(path, base), { method, mode }, origin);

describe('routeRequest', () => {
  it("serves the phone's pages from the shell when the network fails", () => {
    expect(route('/join')).toBe('shell');
    expect(route('/join/')).toBe('shell');
    expect(route('/join/K7QD3X')).toBe('shell');
    expect(route('/join/K7QD3X?from=qr')).toBe('shell');
  });

  it('leaves the signed-in pages, the board and the console to the network', () => {
    expect(route('/')).toBe('network');
    expect(route('/board/s1')).toBe('network');
    expect(route('/facilitate/s1')).toBe('network');
    expect(route('/join/K7QD3X/extra')).toBe('network');
  });

  it('never caches the API, the meeting socket or the notes socket', () => {
    for (const path of ['/api/join', '/api/sessions/s1', '/socket.io/?EIO=4', '/yjs/case:c1']) {
      expect(route(path, 'cors')).toBe('network');
      expect(route(path)).toBe('network');
    }
  });

  it('caches built assets, and only GETs from this origin', () => {
    expect(route('/assets/index-a1.js', 'cors')).toBe('asset');
    expect(route('/assets/index-a1.js', 'cors', 'POST')).toBe('network');
    expect(route('/assets/index-a1.js', 'cors', 'GET', 'https://elsewhere.example')).toBe('network');
  });
});
