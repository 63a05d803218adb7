/** Every review rule, in the order of RULES.md. One file per rule, each exporting `rule`. */
import type { Rule } from '../rule';
import type { RuleId } from '../types';
import { rule as yamlSyntax } from './yaml-syntax';
import { rule as schema } from './schema';
import { rule as missingPillar } from './missing-pillar';
import { rule as emptyPillar } from './empty-pillar';
import { rule as unframedObjective } from './unframed-objective';
import { rule as incompleteFraming } from './incomplete-framing';
import { rule as unknownReference } from './unknown-reference';
import { rule as duplicateId } from './duplicate-id';
import { rule as unlinkedMetric } from './unlinked-metric';
import { rule as unmeasuredObjective } from './unmeasured-objective';
import { rule as growthUnplanned } from './growth-unplanned';
import { rule as unversioned } from './unversioned';
import { rule as silentFailure } from './silent-failure';
import { rule as noRetraining } from './no-retraining';
import { rule as missingStage } from './missing-stage';
import { rule as unmonitoredDeployment } from './unmonitored-deployment';
import { rule as taskMismatch } from './task-mismatch';
import { rule as noStakeholders } from './no-stakeholders';
import { rule as expiredWaiver } from './expired-waiver';
import { rule as unusedWaiver } from './unused-waiver';

export const RULES: readonly Rule[] = [
  yamlSyntax,
  schema,
  missingPillar,
  emptyPillar,
  unframedObjective,
  incompleteFraming,
  unknownReference,
  duplicateId,
  unlinkedMetric,
  unmeasuredObjective,
  growthUnplanned,
  unversioned,
  silentFailure,
  noRetraining,
  missingStage,
  unmonitoredDeployment,
  taskMismatch,
  noStakeholders,
  expiredWaiver,
  unusedWaiver,
];

export const RULES_BY_ID = Object.fromEntries(RULES.map((r) => [r.id, r])) as Record<RuleId, Rule>;
