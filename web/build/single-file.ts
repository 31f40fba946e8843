// `vite build --mode single`: one self-contained index.html (dist-single/) that also works when opened as a file
// (file://), where browsers refuse to fetch module scripts and to start workers from files. Everything is inlined:
// workers become blob URLs (Vite's `?worker&inline`), dynamic imports are bundled in, assets become data URLs, and
// this plugin moves the page's script and style into the HTML.
import type { Plugin } from 'vite';

/** Rewrites our `?worker` imports to `?worker&inline` (in our own sources only). */
export function inlineWorkers(srcDir: string): Plugin {
  return {
    name: 'kqlite-inline-workers',
    enforce: 'pre',
    transform(code, id) {
      if (!id.startsWith(srcDir) || !code.includes("?worker'")) return undefined;
      return { code: code.replaceAll("?worker'", "?worker&inline'"), map: null };
    },
  };
}

/** Moves the entry script and stylesheet into index.html and drops them from the output. */
export function inlineIntoHtml(): Plugin {
  return {
    name: 'kqlite-inline-into-html',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const html = Object.values(bundle).find((f) => f.type === 'asset' && f.fileName === 'index.html');
      if (!html || html.type !== 'asset') return;
      let text = String(html.source);
      for (const [name, file] of Object.entries(bundle)) {
        const ref = new RegExp(`<script type="module" crossorigin src="\\./${name.replace(/[.$]/g, '\\$&')}"></script>`);
        if (file.type === 'chunk' && ref.test(text)) {
          // `</script` inside the code (strings, comments) would end the element: `<\/script` means the same in JS.
          text = text.replace(ref, () => `<script type="module">${file.code.replaceAll('</script', '<\\/script')}</script>`);
          delete bundle[name];
        }
        const link = new RegExp(`<link rel="stylesheet" crossorigin href="\\./${name.replace(/[.$]/g, '\\$&')}">`);
        if (file.type === 'asset' && name.endsWith('.css') && link.test(text)) {
          text = text.replace(link, () => `<style>${String(file.source)}</style>`);
          delete bundle[name];
        }
      }
      html.source = text;
    },
  };
}
