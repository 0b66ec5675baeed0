/** Downloads: results as JSON and CSV (the CLI's tables), charts as SVG and PNG. Everything stays on this machine. */
import { runTables, tableCsv, type RunResult, type ServiceLabels } from '../sim/index.ts';
import { wrapText } from '../sim/format.ts';
import type { PageData } from './data.ts';

export function download(name: string, content: Blob | string, type = 'text/plain'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type: `${type};charset=utf-8` }) : content;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The comparison exactly as `pathways compare --json` prints it. */
export const compareJson = (data: PageData): string => JSON.stringify(data.compare, null, 2) + '\n';

/** The CLI's tables (summary, timeseries, events) as CSV texts by name; `s` (the scenario, or PageData.meta) labels the services in the events' text. */
export function csvTables(runs: RunResult[], s: ServiceLabels): Record<string, () => string> {
  return Object.fromEntries(runTables(runs, s).map((t) => [t.name, () => tableCsv(t)]));
}

const NS = 'http://www.w3.org/2000/svg';

/** Greedy word wrap at about `chars` characters per line (sim/format.ts). */
const wrap = (text: string, chars: number): string[] => wrapText(text, chars);

/**
 * A chart figure as one standalone SVG: its title, "what to notice", the chart,
 * the caption and where the numbers come from (`source`), so an exported file
 * reads on its own.
 */
export function figureSvg(fig: HTMLElement, source: string): SVGSVGElement {
  const chart = fig.querySelector<SVGSVGElement>('svg[data-export]')!;
  const w = Number(chart.getAttribute('width')) || 640;
  const ch = Number(chart.getAttribute('height')) || 400;
  const out = document.createElementNS(NS, 'svg') as SVGSVGElement;
  let y = 8;
  const text = (content: string, size: number, opts: { bold?: boolean; fill?: string } = {}) => {
    for (const line of wrap(content, Math.floor(w / (size * 0.55)))) {
      y += size * 1.3;
      const t = document.createElementNS(NS, 'text');
      t.setAttribute('x', '8');
      t.setAttribute('y', String(Math.round(y)));
      t.setAttribute('font-size', String(size));
      if (opts.bold) t.setAttribute('font-weight', 'bold');
      t.setAttribute('fill', opts.fill ?? '#1a1a1a');
      t.textContent = line;
      out.append(t);
    }
  };
  const title = fig.querySelector('h3')?.textContent ?? '';
  text(title, 15, { bold: true });
  text(fig.querySelector('.notice')?.textContent ?? '', 11);
  y += 8;
  const inner = chart.cloneNode(true) as SVGSVGElement;
  inner.setAttribute('x', '0');
  inner.setAttribute('y', String(Math.round(y)));
  out.append(inner);
  y += ch + 4;
  text(fig.querySelector('figcaption')?.textContent ?? '', 10, { fill: '#555555' });
  text(source, 10, { fill: '#555555' });
  const height = Math.ceil(y + 10);
  out.setAttribute('width', String(w + 16));
  out.setAttribute('height', String(height));
  out.setAttribute('viewBox', `0 0 ${w + 16} ${height}`);
  out.setAttribute('font-family', 'system-ui, sans-serif');
  out.setAttribute('role', 'img');
  out.setAttribute('aria-label', title);
  const t = document.createElementNS(NS, 'title');
  t.textContent = title;
  const bg = document.createElementNS(NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', '#ffffff');
  out.prepend(t, bg);
  return out;
}

/** An SVG element as a file's text. */
export function svgText(svg: SVGSVGElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}\n`;
}

/** An SVG rendered to PNG at `scale` times its size. */
export async function svgPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const w = Number(svg.getAttribute('width'));
  const hgt = Number(svg.getAttribute('height'));
  const img = new Image();
  const url = URL.createObjectURL(new Blob([svgText(svg)], { type: 'image/svg+xml' }));
  try {
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(w * scale);
    canvas.height = Math.round(hgt * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser cannot draw the PNG');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG export failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** File names: scenario, policies and seed, so downloads from different runs do not collide. */
export function fileStem(data: PageData): string {
  const slug = (x: string) => x.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-|-$/g, '');
  return `${slug(data.meta.scenario)}_${data.meta.policies.map(slug).join('-vs-')}_seed${data.meta.seed}`;
}
