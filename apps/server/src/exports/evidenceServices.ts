import type { EvidenceCase } from './evidencePack.js';

/** A service signposted in the pack's range, once, with the cases it was signposted for. */
export interface SignpostedService {
  text: string;
  /** How to access it, for a service of the directory. */
  access?: string;
  references: string[];
}

/**
 * The pack's "Services signposted": each service of the directory a plan's rows link to (with how to access it),
 * then each other resource the plans carry (a row drafted from a Resource card), once each (compared without case
 * or extra spaces), in the order first met, with the references of the cases it was for.
 */
export function servicesSignposted(cases: readonly EvidenceCase[]): SignpostedService[] {
  const services = new Map<string, SignpostedService>();
  for (const item of cases)
    for (const service of item.services) {
      const key = `directory:${service.name.replace(/\s+/g, ' ').trim().toLowerCase()}`;
      const found = services.get(key) ?? { text: service.name, access: service.access, references: [] };
      if (!found.references.includes(item.reference)) found.references.push(item.reference);
      services.set(key, found);
    }
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
