import { describe, expect, it } from 'vitest';
import { isAllowedNoteLink, linkFromInput } from './noteLinks';

describe('isAllowedNoteLink', () => {
  it('allows web pages and e-mail addresses', () => {
    expect(isAllowedNoteLink('https://www.sheffield.gov.uk/local-offer')).toBe(true);
    expect(isAllowedNoteLink('http://example.org')).toBe(true);
    expect(isAllowedNoteLink('mailto:senco.a@school.example')).toBe(true);
  });

  it('refuses scripts, data, files and anything relative or broken', () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox',
      'file:///etc/passwd',
      'ftp://example.org',
      '/relative/page',
      'example.org',
      'mailto:',
      'https://',
      '',
    ]) {
      expect(isAllowedNoteLink(url), url).toBe(false);
    }
  });
});

describe('linkFromInput', () => {
  it('adds https to a bare address and mailto to an e-mail address', () => {
    expect(linkFromInput(' example.org/page ')).toBe('https://example.org/page');
    expect(linkFromInput('example.org:8080/x')).toBe('https://example.org:8080/x');
    expect(linkFromInput('senco.a@school.example')).toBe('mailto:senco.a@school.example');
    expect(linkFromInput('https://example.org')).toBe('https://example.org/');
  });

  it('refuses what cannot be a safe link', () => {
    expect(linkFromInput('javascript:alert(1)')).toBeNull();
    expect(linkFromInput('data:text/html,x')).toBeNull();
    expect(linkFromInput('not a link')).toBeNull();
    expect(linkFromInput('   ')).toBeNull();
  });
});
