// ASCII sparklines as LATENCY GRAPH draws them: rows of "_o#|" fill characters scaled
// between the sequence's min and max, then the vertical labels below.

export interface SparkSample {
  value: number;
  label: string;
}

const FILL = '_o#';

function renderRange(samples: readonly SparkSample[], min: number, max: number, rows: number): string {
  const relmax = max - min === 0 ? 1 : max - min;
  const steps = FILL.length * rows;
  const hasLabels = samples.some((s) => s.label !== '');
  let out = '';
  for (let row = 0; ; row++) {
    let loop = false;
    const chars = new Array<string>(samples.length).fill(' ');
    for (let j = 0; j < samples.length; j++) {
      const s = samples[j] as SparkSample;
      let step = Math.trunc(Math.trunc((s.value - min) * steps) / relmax);
      step = Math.min(Math.max(step, 0), steps - 1);
      if (row < rows) {
        const idx = step - (rows - row - 1) * FILL.length;
        loop = true;
        if (idx >= 0 && idx < FILL.length) chars[j] = FILL[idx] as string;
        else if (idx >= FILL.length) chars[j] = '|';
      } else {
        // One blank spacing row between the graph and its labels.
        if (hasLabels && row - rows < 1) {
          loop = true;
          break;
        }
        const at = row - rows - 1;
        if (s.label.length > at) {
          loop = true;
          chars[j] = s.label[at] as string;
        }
      }
    }
    if (!loop) return out;
    out += chars.join('') + '\n';
  }
}

export function sparkline(samples: readonly SparkSample[], columns: number, rows: number): string {
  if (samples.length === 0) return '';
  const values = samples.map((s) => s.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const parts: string[] = [];
  for (let j = 0; j < samples.length; j += columns) parts.push(renderRange(samples.slice(j, j + columns), min, max, rows));
  return parts.join('\n');
}
