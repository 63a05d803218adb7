/** Editor settings (`mlsystem.rules`, `mlsystem.files`) checked as the config file is. Host-free. */
import { validateConfig } from '../engine';
import type { ReviewConfig, RuleId, SeveritySetting } from '../engine';

export const SETTINGS_SECTION = 'mlsystem';

export interface CheckedSettings {
  config: ReviewConfig;
  /** One line for the user when something was wrong; the valid part is still used. */
  problem?: string;
}

/** Keeps what is valid (known rules with known levels, string patterns) and says what was not. */
export function checkSettings(rules: unknown, files: unknown, source = 'Settings (mlsystem.*)'): CheckedSettings {
  try {
    return { config: validateConfig({ rules: rules ?? {}, files: files ?? [] }, source) };
  } catch (e) {
    const valid: Partial<Record<RuleId, SeveritySetting>> = {};
    if (rules !== null && typeof rules === 'object' && !Array.isArray(rules)) {
      for (const [id, level] of Object.entries(rules)) {
        try {
          Object.assign(valid, validateConfig({ rules: { [id]: level } }, '').rules);
        } catch {
          // reported as the problem
        }
      }
    }
    return { config: { rules: valid, files: Array.isArray(files) ? files.filter((f): f is string => typeof f === 'string') : [] }, problem: (e as Error).message };
  }
}
