// Messages between a host's layout worker (layout-worker-entry.ts) and the client that posts to it
// (layout-worker.ts). A result crosses as the LayoutResult itself: structured clone keeps its
// Maps and every coordinate bit for bit, so the worker's drawing is the in-thread one.
import type { LayoutResult } from './layout-types';
import type { LayoutRequest } from './layout-request';

export interface ToLayoutWorker {
  id: number;
  request: LayoutRequest;
}

export type FromLayoutWorker = { id: number; type: 'laid-out'; result: LayoutResult } | { id: number; type: 'failed'; error: string };
