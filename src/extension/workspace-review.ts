/**
 * "ML Design: Review Workspace": every design file in the workspace, open or not, into
 * the Problems panel, with cancellable progress; afterwards a file watcher keeps them
 * current (changed files reviewed again, deleted ones cleared). Nothing runs until the
 * user asks for it.
 *
 * Where reading is costly (the browser, where each file may be fetched over the network),
 * the host sets a scan limit: a larger workspace is reviewed up to it and the user is told
 * so, once per run. A workspace whose files cannot be listed gets a message, not an error.
 */
import * as vscode from 'vscode';
import { LIMITS, MAX_DESIGN_BYTES } from '../engine';
import { countBySeverity } from '../engine';
import type { Severity } from '../engine';
import type { DesignConfiguration } from './configuration';
import { readDiskDesign } from './core/disk-design';
import type { DiskAccess } from './core/disk-design';
import type { DesignReviews } from './design-reviews';
import { notifications } from './notifications';
import { cannotListMessage, planScan } from './core/workspace-scan';

const YAML_GLOB = '**/*.{yaml,yml}';
const EXCLUDE_GLOB = '{**/node_modules/**,**/.git/**}';

export class WorkspaceReview implements vscode.Disposable {
  /** Files the workspace review covers (kept current by the watcher). */
  private readonly files = new Set<string>();
  private watcher: vscode.FileSystemWatcher | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly reviews: DesignReviews,
    private readonly configuration: DesignConfiguration,
    /** At most how many YAML files one run reads; undefined for all (see ExtensionHost). */
    private readonly scanLimit?: number,
  ) {}

  /** Whether the workspace review holds results for this file (so closing it re-reads the disk). */
  covers(uri: vscode.Uri): boolean {
    return this.files.has(uri.toString());
  }

  /**
   * Review all design files, then say what was found, with a button to the Problems panel;
   * resolves with the designs reviewed and their findings by severity (undefined when cancelled).
   */
  async run(): Promise<WorkspaceSummary | undefined> {
    const designs = await this.reviewAll();
    if (designs === undefined) return undefined;
    const counts = countBySeverity(designs.flatMap((uri) => this.reviews.get(uri)?.findings ?? []));
    const summary = { designs: designs.length, counts };
    const open = vscode.l10n.t('Open Problems');
    void notifications.show('info', summaryText(summary), open).then((choice) => {
      if (choice === open) void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
    return summary;
  }

  /** The design files reviewed, or undefined when the user cancelled. */
  private reviewAll(): Thenable<vscode.Uri[] | undefined> {
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reviewing ML designs'), cancellable: true },
      async (progress, token) => {
        let found: vscode.Uri[];
        try {
          found = await vscode.workspace.findFiles(YAML_GLOB, EXCLUDE_GLOB, this.scanLimit === undefined ? undefined : this.scanLimit + 1, token);
        } catch (e) {
          void notifications.show('warning', cannotListMessage(e instanceof Error ? e.message : String(e)));
          return undefined;
        }
        const { files: uris, notice } = planScan(found, this.scanLimit);
        if (notice) void notifications.show('info', notice);
        const designs: vscode.Uri[] = [];
        const tooLarge: string[] = [];
        for (const uri of uris) {
          if (token.isCancellationRequested) return undefined;
          progress.report({ message: vscode.workspace.asRelativePath(uri), increment: 100 / Math.max(uris.length, 1) });
          const outcome = await this.reviewFromDisk(uri);
          if (outcome === 'reviewed') designs.push(uri);
          else if (outcome === 'too-large') tooLarge.push(vscode.workspace.asRelativePath(uri));
        }
        this.watch();
        if (tooLarge.length) {
          const files = tooLarge.slice(0, 3).join(', ');
          void notifications.show('warning', tooLarge.length > 3
            ? vscode.l10n.t('Not reviewed, too large (the limit is {0} characters): {1} and {2} more.', LIMITS.maxLength, files, tooLarge.length - 3)
            : vscode.l10n.t('Not reviewed, too large (the limit is {0} characters): {1}.', LIMITS.maxLength, files));
        }
        return designs;
      },
    );
  }

  /** Read and review one file from disk, within the command line's limits (FORMAT.md, docs/limits.md). */
  async reviewFromDisk(uri: vscode.Uri): Promise<'reviewed' | 'not-a-design' | 'too-large'> {
    let read;
    try {
      read = await readDiskDesign(diskAccess(uri), (text) => this.configuration.isDesign(uri, text));
    } catch {
      read = { kind: 'not-a-design' } as const;
    }
    if (read.kind !== 'design') {
      this.drop(uri);
      return read.kind;
    }
    this.files.add(uri.toString());
    await this.reviews.reviewFile(uri, read.text);
    return 'reviewed';
  }

  private drop(uri: vscode.Uri): void {
    if (this.files.delete(uri.toString())) this.reviews.forget(uri);
  }

  private watch(): void {
    if (this.watcher) return;
    this.watcher = vscode.workspace.createFileSystemWatcher(YAML_GLOB);
    const changed = (uri: vscode.Uri): void => {
      void this.reviewFromDisk(uri);
    };
    this.disposables.push(
      this.watcher,
      this.watcher.onDidCreate(changed),
      this.watcher.onDidChange(changed),
      this.watcher.onDidDelete((uri) => {
        this.files.delete(uri.toString());
        this.reviews.forget(uri);
      }),
    );
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** The file through `vscode.workspace.fs` (virtual workspaces and the browser too). */
function diskAccess(uri: vscode.Uri): DiskAccess {
  let size = 0;
  return {
    stat: async () => {
      try {
        const stats = await vscode.workspace.fs.stat(uri);
        size = stats.size;
        return { size: stats.size, isFile: (stats.type & vscode.FileType.File) !== 0 };
      } catch {
        return undefined;
      }
    },
    // vscode.workspace.fs reads whole files only (in the browser too): never one past the size limit.
    readHead: async (bytes) => (size > MAX_DESIGN_BYTES ? new Uint8Array() : (await vscode.workspace.fs.readFile(uri)).subarray(0, bytes)),
    readAll: async () => vscode.workspace.fs.readFile(uri),
  };
}

export interface WorkspaceSummary {
  designs: number;
  counts: Record<Severity, number>;
}

function summaryText({ designs, counts }: WorkspaceSummary): string {
  if (!designs) return vscode.l10n.t('No ML design found in the workspace.');
  const total = counts.error + counts.warning + counts.info;
  if (!total) return vscode.l10n.t('ML designs reviewed: {0}. No problems.', designs);
  return vscode.l10n.t('ML designs reviewed: {0}. Errors: {1}, warnings: {2}, infos: {3}.', designs, counts.error, counts.warning, counts.info);
}
