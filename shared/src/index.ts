export * from './version.ts';
export * from './catalog.ts';
export * from './release.ts';
export * from './host.ts';
export * from './certificates.ts';
export * from './answers.ts';
export * from './render/types.ts';
export * from './render/index.ts';
