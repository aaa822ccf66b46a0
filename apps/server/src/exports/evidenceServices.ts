import type { EvidenceCase } from './evidencePack.js';

/** A service signposted in the pack's range, once, with the cases it was signposted for. */
export interface SignpostedService {
  text: string;
  references: string[];
}

/**
 * The pack's "Services signposted": each distinct resource the plans carry, once (compared without case or
 * extra spaces), in the order first met, with the references of the cases it was for. Today a resource is a
 * plan row drafted from a Resource card; the place to add the directory's linked services when they come.
 */
export function servicesSignposted(cases: readonly EvidenceCase[]): SignpostedService[] {
  const services = new Map<string, SignpostedService>();
  for (const item of cases)
    for (const text of item.resources) {
      const key = text.replace(/\s+/g, ' ').trim().toLowerCase();
      if (!key) continue;
      const service = services.get(key) ?? { text: text.trim(), references: [] };
      if (!service.references.includes(item.reference)) service.references.push(item.reference);
      services.set(key, service);
    }
  return [...services.values()];
}
