import type controllers from '../controllers';

type Controllers = typeof controllers;

/** "controller.action" for every action of every controller: a route cannot name one that does not exist. */
export type Handler = {
  [C in keyof Controllers]: `${C & string}.${keyof ReturnType<Controllers[C]> & string}`;
}[keyof Controllers];

export interface Route {
  method: 'GET' | 'POST';
  path: string;
  handler: Handler;
  config: Record<string, unknown>;
}
