/**
 * Reading a file from disk for Review Workspace with the command-line review's limits:
 * only regular files, a design recognised from its first MiB, and nothing past the size
 * limit read whole. Host-free, so the decisions are tested without VS Code.
 */
import { DETECTION_BYTES, MAX_DESIGN_BYTES } from '../../engine';

export interface DiskAccess {
  /** Size and kind, or undefined when the file is gone or cannot be read. */
  stat(): Promise<{ size: number; isFile: boolean } | undefined>;
  /** At most `bytes` bytes from the start. */
  readHead(bytes: number): Promise<Uint8Array>;
  readAll(): Promise<Uint8Array>;
}

export type DiskDesign =
  | { kind: 'not-a-design' }
  | { kind: 'too-large'; size: number }
  | { kind: 'design'; text: string };

const decoder = new TextDecoder();

/** What Review Workspace should do with one file; `isDesign` gets the text used to recognise it. */
export async function readDiskDesign(disk: DiskAccess, isDesign: (text: () => string) => Promise<boolean>): Promise<DiskDesign> {
  const stats = await disk.stat();
  if (!stats?.isFile) return { kind: 'not-a-design' };
  if (stats.size <= DETECTION_BYTES) {
    const text = decoder.decode(await disk.readAll());
    return (await isDesign(() => text)) ? { kind: 'design', text } : { kind: 'not-a-design' };
  }
  // Larger: recognised from its first MiB, as the command line does; read whole only if it is a design within the limit.
  const head = decoder.decode(await disk.readHead(DETECTION_BYTES));
  if (!(await isDesign(() => head))) return { kind: 'not-a-design' };
  if (stats.size > MAX_DESIGN_BYTES) return { kind: 'too-large', size: stats.size };
  return { kind: 'design', text: decoder.decode(await disk.readAll()) };
}
