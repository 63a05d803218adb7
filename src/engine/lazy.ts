/**
 * Properties computed on first read (a finding's fixes, an edit's text, a review's
 * lifecycle model), through getters shared by every object rather than a closure per
 * object. V8 keeps an accessor in the object's hidden class, and hidden classes live in the
 * old generation: a closure there kept each review's document and text alive through the
 * young generation's collections, so a run over many files promoted every document and
 * held several times the memory it used.
 */

/** Where an object's pending values wait: a hidden property, so copies, clones and JSON never see it. */
const SLOTS = Symbol('lazily computed values');

type Slots = Record<string, { compute?: () => unknown; value?: unknown }>;
interface Lazy {
  [SLOTS]: Slots;
}

const accessors = new Map<string, { get(this: Lazy): unknown; set(this: Lazy, value: unknown): void }>();

/** The one getter and setter of every lazy `key`: computed on first read and kept; a write replaces it. */
function accessorsOf(key: string): { get(this: Lazy): unknown; set(this: Lazy, value: unknown): void } {
  let pair = accessors.get(key);
  if (!pair) {
    pair = {
      get() {
        const slot = this[SLOTS][key];
        if (slot.compute) {
          slot.value = slot.compute();
          slot.compute = undefined;
        }
        return slot.value;
      },
      set(value) {
        this[SLOTS][key] = { value };
      },
    };
    accessors.set(key, pair);
  }
  return pair;
}

/**
 * Adds enumerable, configurable properties computed on first read (as `get key()` in an
 * object literal would); `writable` ones may also be assigned.
 */
export function defineLazy<T extends object>(target: T, values: Record<string, () => unknown>, writable = false): T {
  let slots = (target as Partial<Lazy>)[SLOTS];
  if (!slots) {
    slots = {};
    Object.defineProperty(target, SLOTS, { value: slots });
  }
  for (const key of Object.keys(values)) slots[key] = { compute: values[key] };
  for (const key of Object.keys(values)) {
    const { get, set } = accessorsOf(key);
    Object.defineProperty(target, key, { enumerable: true, configurable: true, get, ...(writable ? { set } : {}) });
  }
  return target;
}
