/** A large design for the preview's tests (see large-design.mjs). */
export function largeDesign(count?: number): string;
