/**
 * Graph commands: fit, re-layout, focus a company, move the camera. They are
 * calls, not counters in the store. The graph's controllers attach handlers
 * when they can act; a call made before then (e.g. a shared link's camera,
 * read before the layout is ready) is kept, latest only, and delivered on
 * attach. One instance is created by the app's entry and passed down; nothing
 * here is module-level state.
 */
import type { ViewCamera } from "./model.ts";

export interface GraphCommandHandlers {
  fit(): void;
  relayout(): void;
  focus(companyId: string): void;
  moveCamera(camera: ViewCamera): void;
}

export type GraphCommandName = keyof GraphCommandHandlers;

export interface GraphCommands extends GraphCommandHandlers {
  /** Attaches handlers; returns a function that detaches them. */
  attach(handlers: Partial<GraphCommandHandlers>): () => void;
}

/** A fresh command hub. */
export function createGraphCommands(): GraphCommands {
  const handlers: Partial<GraphCommandHandlers> = {};
  const pending = new Map<GraphCommandName, unknown[]>();
  const call = (name: GraphCommandName, args: unknown[]) => {
    const handler = handlers[name] as ((...a: unknown[]) => void) | undefined;
    if (handler) handler(...args);
    else pending.set(name, args);
  };
  return {
    fit: () => call("fit", []),
    relayout: () => call("relayout", []),
    focus: (companyId) => call("focus", [companyId]),
    moveCamera: (camera) => call("moveCamera", [camera]),
    attach(next) {
      const names = Object.keys(next) as GraphCommandName[];
      for (const name of names) Object.assign(handlers, { [name]: next[name] });
      for (const name of names) {
        const args = pending.get(name);
        if (args) {
          pending.delete(name);
          call(name, args);
        }
      }
      return () => {
        for (const name of names) if (handlers[name] === next[name]) delete handlers[name];
      };
    },
  };
}

/** Commands that do nothing: the default outside an app (component tests). */
export const NO_GRAPH_COMMANDS: GraphCommands = Object.freeze({
  fit() {},
  relayout() {},
  focus() {},
  moveCamera() {},
  attach: () => () => {},
});
