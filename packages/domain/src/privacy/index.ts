export { findPersonalData } from './detector.js';
export * from './findings.js';
