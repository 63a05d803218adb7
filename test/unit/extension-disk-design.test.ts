/**
 * Review Workspace reads files from disk with the command line's limits: only regular
 * files, a design recognised from its first MiB, and nothing past the size limit read whole.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DETECTION_BYTES, hasDesignKey, MAX_DESIGN_BYTES } from '../../src/engine';
import { readDiskDesign } from '../../src/extension/core/disk-design';
import type { DiskAccess } from '../../src/extension/core/disk-design';

/** A fake file of `size` bytes whose text starts with `start`; records what was read. */
function disk(start: string, size: number, isFile = true): DiskAccess & { reads: string[] } {
  const bytes = (n: number): Uint8Array => {
    const out = new Uint8Array(n).fill(0x20);
    out.set(new TextEncoder().encode(start).subarray(0, n));
    return out;
  };
  const reads: string[] = [];
  return {
    reads,
    stat: async () => ({ size, isFile }),
    readHead: async (n) => {
      reads.push(`head ${n}`);
      return bytes(Math.min(n, size));
    },
    readAll: async () => {
      reads.push('all');
      return bytes(size);
    },
  };
}
const byContent = async (text: () => string): Promise<boolean> => hasDesignKey(text());
const byName = async (): Promise<boolean> => true;

describe('Review Workspace: reading a file from disk', () => {
  it('reads nothing of what is not a regular file', async () => {
    const file = disk('mlsystem: 1\n', 10, false);
    assert.deepEqual(await readDiskDesign(file, byName), { kind: 'not-a-design' });
    assert.deepEqual(file.reads, []);
  });

  it('reads a small file once, whole', async () => {
    const file = disk('mlsystem: 1\nname: x\n', 20);
    const read = await readDiskDesign(file, byContent);
    assert.equal(read.kind, 'design');
    assert.deepEqual(file.reads, ['all']);
  });

  it('recognises a large file from its first MiB, and reads no more of other YAML', async () => {
    const file = disk('kind: Deployment\n', 50 * 1024 * 1024);
    assert.deepEqual(await readDiskDesign(file, byContent), { kind: 'not-a-design' });
    assert.deepEqual(file.reads, [`head ${DETECTION_BYTES}`]);
  });

  it('never reads a design past the size limit whole', async () => {
    const size = MAX_DESIGN_BYTES + 1;
    const file = disk('mlsystem: 1\n', size);
    assert.deepEqual(await readDiskDesign(file, byContent), { kind: 'too-large', size });
    assert.deepEqual(file.reads, [`head ${DETECTION_BYTES}`]);
  });

  it('reads a large design within the limit whole, after its head', async () => {
    const file = disk('mlsystem: 1\n', 2 * DETECTION_BYTES);
    const read = await readDiskDesign(file, byContent);
    assert.equal(read.kind, 'design');
    assert.deepEqual(file.reads, [`head ${DETECTION_BYTES}`, 'all']);
  });
});
