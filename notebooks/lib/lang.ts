/**
 * The notebooks' two languages. Each notebook X.html is written in English;
 * X.nb.html holds its bokmål text cells, and the build (notebooks/translation.ts,
 * called from notebooks/vite.config.ts) makes the bokmål notebook of X's code cells
 * and those text cells, on a page marked `<html lang="nb">`. Code cells are shared,
 * so the words they show go through a translator:
 *
 *   import {t} from "./lib/nb/persona-journeys.ts";
 *   label: t`Office`                         // "Kontor" in bokmål
 *   t`Running ${name} under both policies…`  // key "Running {0} under both policies…"
 *
 * The key of a tagged template is its text with each `${…}` numbered `{0}`, `{1}` …,
 * so a translation may put them in another order. A test (test/notebooks-translation.test.ts)
 * reads every notebook's cells and fails when a key has no translation or a
 * translation no key.
 */
import type { Lang } from '../../viz/i18n.ts';

export type { Lang };

/** The notebook's language: bokmål on a page marked `<html lang="nb">` (the bokmål build), English elsewhere (and in Node). */
export const lang: Lang = typeof document !== 'undefined' && document.documentElement.lang === 'nb' ? 'nb' : 'en';

/** The key of a text: its parts with the places of the values numbered, `a {0} b {1} c`. */
export function keyOf(parts: readonly string[]): string {
  return parts.reduce((key, part, i) => (i === 0 ? part : `${key}{${i - 1}}${part}`), '');
}

/** A text with the values put in their numbered places. */
function fill(text: string, values: readonly unknown[]): string {
  return text.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < values.length ? String(values[Number(i)]) : m));
}

/** Translates to `lang`: as a tag (t`text ${value}`) or a function (t("text")); English is the key itself. */
export type Translator = (parts: TemplateStringsArray | string, ...values: unknown[]) => string;

/**
 * The translator of one notebook, from its bokmål table (English key → bokmål text).
 * A key without a translation is shown in English and reported on the console, once.
 */
export function translator(nb: Readonly<Record<string, string>>, language: Lang = lang): Translator {
  const missing = new Set<string>();
  return (parts, ...values) => {
    const key = typeof parts === 'string' ? parts : keyOf(parts);
    let text = key;
    if (language === 'nb') {
      if (Object.hasOwn(nb, key)) text = nb[key];
      else if (!missing.has(key)) {
        missing.add(key);
        console.warn(`no bokmål text for ${JSON.stringify(key)}`);
      }
    }
    return fill(text, values);
  };
}
