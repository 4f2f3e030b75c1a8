// The graph layout worker (bundled on its own and embedded in each plugin as a string, see
// scripts/targets.mjs `embeddedWorker`): layoutGraph off the main thread. It sees node sizes and
// edges only — no note text, no DOM.
import { answerLayouts, type WorkerScope } from './layout-answers';
import { layoutHere } from './layout-request';

answerLayouts(self as unknown as WorkerScope, layoutHere);
