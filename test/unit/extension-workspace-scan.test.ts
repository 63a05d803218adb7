/** "Review Workspace" without a host: how much of a large workspace one run reads, and what it says. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cannotListMessage, planScan } from '../../src/extension/core/workspace-scan';

const files = (n: number): string[] => Array.from({ length: n }, (_, i) => `designs/${i}.yaml`);

describe('workspace scan', () => {
  it('reads every file found when the host sets no limit (the desktop), and says nothing', () => {
    assert.deepEqual(planScan(files(5000), undefined), { files: files(5000), notice: undefined });
  });

  it('reads a workspace at the limit whole, and says nothing', () => {
    assert.deepEqual(planScan(files(3), 3), { files: files(3), notice: undefined });
  });

  it('past the limit, reads the first files up to it and says how to review the rest', () => {
    const plan = planScan(files(4), 3);
    assert.deepEqual(plan.files, files(3));
    assert.match(plan.notice ?? '', /^This workspace has more than 3 YAML files: Review Workspace reviews the first 3 of them here/);
    assert.match(plan.notice ?? '', /Open a design file to review it, or run the mlsystem-review CLI on a clone\.$/);
  });

  it('says why the files cannot be listed, and what still works', () => {
    assert.equal(cannotListMessage('no search provider'), "Review Workspace cannot list this workspace's files (no search provider). Open a design file to review it.");
  });
});
