import type { RuleFinding, TextEdit } from '../basics';
import { fillKeys } from '../fill';
import { inspectablePillar } from '../pillars';
import { isPlaceholder } from '../placeholder';
import { asRecord, isFilled } from '../read';
import { defineRule } from '../rule';
import { PILLAR_SKELETONS } from '../skeletons';
import { listWords } from '../wording';

const KINDS = ['code', 'data', 'artifacts'] as const;
type Kind = (typeof KINDS)[number];
/** How prose `versioning` names each kind (models are the artifacts that matter most). */
const MENTIONS: Record<Kind, RegExp> = {
  code: /\bcode\b|\bgit\b/i,
  data: /\bdata/i,
  artifacts: /\bartifacts?\b|\bartefacts?\b|\bmodels?\b/i,
};

export const rule = defineRule({
  id: 'unversioned',
  severity: 'info',
  summary: 'Maintainability must say how code, data and artifacts are each versioned.',
  check({ data, loc, edit }) {
    const maintainability = inspectablePillar(data, 'maintainability');
    if (!maintainability) return [];
    const pillarPath = ['requirements', 'maintainability'];
    const path = [...pillarPath, 'versioning'];
    const versioning = maintainability.versioning;
    const wanted = asRecord(PILLAR_SKELETONS.maintainability.versioning) ?? {};
    let missing: Kind[];
    let edits: TextEdit[];
    // A placeholder counts as present, and its words are not read.
    if (isPlaceholder(versioning)) return [];
    if (typeof versioning === 'string' && isFilled(versioning)) {
      // Prose: no keys to insert; the message says what it leaves out.
      missing = KINDS.filter((k) => !MENTIONS[k].test(versioning));
      edits = [];
    } else if (!isFilled(versioning) || asRecord(versioning)) {
      const record = asRecord(versioning) ?? {};
      missing = KINDS.filter((k) => !isFilled(record[k]));
      const need = Object.fromEntries(missing.map((k) => [k, wanted[k]]));
      edits = versioning === undefined
        ? fillKeys(edit, loc, maintainability, pillarPath, { versioning: need })
        : fillKeys(edit, loc, versioning, path, need);
    } else {
      return []; // A list or a number is a schema error.
    }
    if (!missing.length) return [];
    const where = versioning === undefined ? 'does not say' : 'does not fully say';
    const finding: RuleFinding = {
      message: `Maintainability ${where} how ${listWords(missing)} ${missing.length > 1 ? 'are' : 'is'} versioned: add ${missing.length > 1 ? 'them' : 'it'} to \`versioning\`.`,
      help: 'Without versions of code, data and artifacts a model cannot be reproduced, audited or rolled back.',
      path,
      missing,
      fixes: edits.length ? [{ title: `Add versioning of ${listWords(missing)}`, kind: 'insert', edits }] : [],
    };
    return [finding];
  },
});
