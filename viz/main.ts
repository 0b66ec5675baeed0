import { startApp } from './app.ts';
import './style.css';

declare global {
  interface Window { __pathways: ReturnType<typeof startApp> }
}

window.__pathways = startApp(document.getElementById('app')!);
