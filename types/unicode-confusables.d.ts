// The package's own "types" field points at a file it does not ship (index.d.ts; it ships
// index.ts.d): these are its declarations, for a default import of the CommonJS module.
declare module 'unicode-confusables' {
  export interface ConfusablePoint {
    point: string;
    similarTo?: string;
  }
  const unicodeConfusables: {
    /** Whether any code point of `input` has a confusable prototype other than itself. */
    isConfusing(input: string): boolean;
    confusables(input: string): ConfusablePoint[];
    /** `input` with each code point replaced by its prototype (zero-width ones dropped). */
    rectifyConfusion(input: string): string;
  };
  export default unicodeConfusables;
}
