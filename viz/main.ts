import { startApp } from './app.ts';

declare global {
  interface Window { __pathways: Awaited<ReturnType<typeof startApp>> }
}

// set once the link is read (a scenario in it is unpacked first)
window.__pathways = await startApp(document.getElementById('app')!);
