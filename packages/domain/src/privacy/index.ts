export * from './findings.js';
export { findPersonalData } from './detector.js';
