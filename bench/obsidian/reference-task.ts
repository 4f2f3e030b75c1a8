// A reference task, measured in the same run as the phases: the same fixed work each time, so a
// long task reads against what the machine gave a known task at that moment. CPU time is not
// inflated by waiting for a core, but it still moves with the load (a core's other hyperthread,
// caches, clock speed): at 300 notes the same phase's longest task ranged 22–50 ms across runs.
// The work is of the kind the long tasks do: happy-dom elements built and attached (a table's
// rows, as a query block draws them), and plain script (a sort of numbers).
import { mainThreadCpuMs } from './main-thread';

const ROWS = 25;
const CELLS = 11;
const NUMBERS = 20_000;
const RUNS = 5;

function tableWork(): void {
  const table = document.createElement('table');
  const body = document.createElement('tbody');
  for (let r = 0; r < ROWS; r++) {
    const tr = document.createElement('tr');
    tr.setAttribute('data-row', String(r));
    for (let c = 0; c < CELLS; c++) {
      const td = document.createElement('td');
      td.className = `ref-col-${c}`;
      const span = document.createElement('span');
      span.setAttribute('title', `cell ${r}:${c}`);
      span.appendChild(document.createTextNode(`row ${r} cell ${c}`));
      td.appendChild(span);
      tr.appendChild(td);
    }
    body.appendChild(tr);
  }
  table.appendChild(body);
  document.body.appendChild(table);
  table.remove();
}

function scriptWork(): void {
  let seed = 1;
  const numbers = Array.from({ length: NUMBERS }, () => (seed = (seed * 48271) % 2147483647));
  numbers.sort((a, b) => a - b);
}

/** The reference task's CPU time: the median of RUNS runs, each a macrotask of its own. */
export async function referenceTaskMs(): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    const t0 = mainThreadCpuMs();
    tableWork();
    scriptWork();
    times.push(mainThreadCpuMs() - t0);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(RUNS / 2)]! * 10) / 10;
}
