/**
 * A route of the plugin. `H` is its "controller.action": the route tables keep
 * their handler strings as literal types, and controllers/index.ts checks that
 * each names an action that exists (a typo is a compile error), so this file
 * imports no controller.
 */
export interface Route<H extends string = string> {
  method: 'GET' | 'POST';
  path: string;
  handler: H;
  config: Record<string, unknown>;
}

/** The handler strings of a route table. */
export type HandlersOf<R extends readonly Route[]> = R[number]['handler'];
