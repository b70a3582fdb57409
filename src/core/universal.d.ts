/**
 * The few web-platform globals that core may use because Node and every browser have them
 * alike (tsconfig.core.json leaves out both the DOM library and Node's types). Anything not
 * declared here is out of reach of core on purpose.
 */
declare class URLSearchParams {
  constructor(init?: string | Record<string, string> | [string, string][]);
  get(name: string): string | null;
  getAll(name: string): string[];
  has(name: string): boolean;
  set(name: string, value: string): void;
  append(name: string, value: string): void;
  delete(name: string): void;
  toString(): string;
}
