/** Downloads: results as JSON and CSV (the CLI's tables), charts as SVG and PNG. Everything stays on this machine. */
import { runTables, tableCsv, type RunResult } from '../sim/index.ts';
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

/** The CLI's tables (summary, timeseries, events) as CSV texts by name. */
export function csvTables(runs: RunResult[]): Record<string, () => string> {
  return Object.fromEntries(runTables(runs).map((t) => [t.name, () => tableCsv(t)]));
}

/** A chart's SVG as a standalone file (namespaces and the page's font). */
export function svgText(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
  if (!clone.getAttribute('font-family')) clone.setAttribute('font-family', 'system-ui, sans-serif');
  const { width, height } = svg.getBoundingClientRect();
  if (!clone.getAttribute('width') && width) clone.setAttribute('width', String(Math.round(width)));
  if (!clone.getAttribute('height') && height) clone.setAttribute('height', String(Math.round(height)));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}\n`;
}

/** A chart rendered to PNG at `scale` times its size, on a white background. */
export async function svgPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const text = svgText(svg);
  const w = Number(svg.getAttribute('width')) || svg.getBoundingClientRect().width || 640;
  const hgt = Number(svg.getAttribute('height')) || svg.getBoundingClientRect().height || 400;
  const img = new Image();
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(w * scale);
    canvas.height = Math.round(hgt * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
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
