import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/core/pipeline/buildGraph.ts';
import { hostileDataset, toDataFiles } from '../helpers/dataset.ts';

// The browser tests rely on this fixture building: check it here, where a failure is cheap to read.
describe('the markup-like fixture', () => {
  it('builds, with markup in a label, a title and a quote', () => {
    const result = buildGraph(toDataFiles(hostileDataset()), { layout: false });
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(result.graph!.getNodeAttribute('alpha', 'label')).toBe(
      '<img src=x onerror=window.__pwned=1>Alpha',
    );
    expect(result.graph!.getAttribute('articles').a1!.title).toMatch(/^<script>/);
  });
});
