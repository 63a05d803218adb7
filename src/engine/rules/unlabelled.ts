import type { TextEdit } from '../basics';
import { fillKeys } from '../fill';
import { asArray, asRecord, asString, isFilled } from '../read';
import { defineRule } from '../rule';
import { LABELS_SKELETON } from '../skeletons';
import { LABELLED_TASKS } from '../vocabulary';
import type { Task } from '../vocabulary';
import { listWords } from '../wording';

export const rule = defineRule({
  id: 'unlabelled',
  severity: 'info',
  summary: 'A design whose framings learn from labelled examples must say where the labels come from.',
  check({ data, loc, edit }) {
    const names = asArray(data.framing).flatMap((raw, i) => {
      const framing = asRecord(raw);
      const task = asString(framing?.task);
      return task !== undefined && LABELLED_TASKS.has(task as Task) ? [`\`${asString(framing?.id) ?? i + 1}\``] : [];
    });
    if (!names.length) return [];
    const section = data.data;
    // `data` written as something other than a mapping is a schema error.
    if (isFilled(section) && !asRecord(section)) return [];
    const labels = asRecord(section)?.labels;
    const record = asRecord(labels);
    // Labels written as prose are trusted as written; a source (a placeholder too) answers the question.
    if (record ? isFilled(record.source) : isFilled(labels)) return [];
    let edits: TextEdit[];
    if (record && Object.keys(record).length) edits = fillKeys(edit, loc, record, ['data', 'labels'], { source: LABELS_SKELETON.source });
    else if (labels !== undefined) edits = fillKeys(edit, loc, labels, ['data', 'labels'], LABELS_SKELETON);
    else edits = fillKeys(edit, loc, section, ['data'], { labels: LABELS_SKELETON });
    const plural = names.length > 1;
    return [{
      message: `${plural ? 'Framings' : 'Framing'} ${listWords(names)} ${plural ? 'learn' : 'learns'} from labels of unknown source: add \`data.labels\`.`,
      help: 'The ground truth the objective function compares against decides what the model can learn, how fast it can be retrained and how it is evaluated.',
      // On the `data` key, or the document's first key while there is no `data`.
      path: ['data', 'labels'],
      at: 'missing',
      fixes: edits.length ? [{ title: 'Add a `data.labels` skeleton', kind: 'insert', edits }] : [],
    }];
  },
});
