import { describe, expect, it } from 'vitest';
import { DEPLOYMENT_METHODS, proxyGuideFor, SOURCES } from './catalog.ts';

const method = (id: string) => DEPLOYMENT_METHODS.find((m) => m.id === id);

describe('deployment methods', () => {
  // Issue 11, item 16: the two single-host installs cannot be confused.
  it('says which single-VM install is the legacy one and which is ./carto install', () => {
    expect(method('docker-compose')?.label).toMatch(/legacy single VM/);
    expect(method('docker-compose')?.description).toMatch(/Choose Single VM instead/);
    expect(method('single-vm')?.label).toContain('./carto install');
    expect(method('single-vm')?.description).toMatch(/Not Docker Compose/);
  });

  // Issue 11, item 12: each step links the chosen method's guide.
  it('gives each method its own proxy guide, and the general one before a choice', () => {
    expect(proxyGuideFor('docker-compose')).toBe(SOURCES.proxyDocsLegacy);
    expect(proxyGuideFor('helm')).toBe(SOURCES.proxyDocsHelm);
    expect(proxyGuideFor('kots')).toBe(SOURCES.proxyDocsKots);
    expect(proxyGuideFor('')).toBe(SOURCES.proxyDocs);
  });
});
