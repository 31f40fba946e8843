// The sidebar's table lists: the loaded tables (bundled and dropped) with their columns, and a searchable view of
// the catalogue of tables kqlite knows without data (~900 Microsoft security tables).
import type { ColumnInfo, TableInfo } from './protocol';

const MAX_CATALOGUE_MATCHES = 60;

function tableEntry(name: string, columns: readonly ColumnInfo[], detail: string, actions: HTMLElement[], onPick: (name: string) => void): HTMLElement {
  const d = document.createElement('details');
  d.className = 'table';
  d.dataset.table = name;
  const s = document.createElement('summary');
  const n = document.createElement('span');
  n.className = 'table-name';
  n.textContent = name;
  n.title = 'Double-click: insert the name into the query';
  n.addEventListener('dblclick', (e) => {
    e.preventDefault();
    onPick(name);
  });
  const info = document.createElement('span');
  info.className = 'kq-muted';
  info.textContent = detail;
  s.append(n, ' ', info, ...actions);
  d.append(s);
  // Columns are built when the entry is first opened: the catalogue has ~900 tables.
  d.addEventListener(
    'toggle',
    () => {
      if (!d.open || d.querySelector('ul')) return;
      const ul = document.createElement('ul');
      for (const c of columns) {
        const li = document.createElement('li');
        li.textContent = c.name;
        const t = document.createElement('span');
        t.className = 'col-type';
        t.textContent = c.type;
        li.append(' ', t);
        ul.append(li);
      }
      d.append(ul);
    },
  );
  return d;
}

export function showTables(host: HTMLElement, tables: readonly TableInfo[], onPick: (name: string) => void, onRemove: (name: string) => void): void {
  const sorted = [...tables].sort((a, b) => (a.source === b.source ? a.name.localeCompare(b.name) : a.source === 'dropped' ? -1 : 1));
  host.replaceChildren(
    ...sorted.map((t) => {
      const actions: HTMLElement[] = [];
      if (t.source === 'dropped') {
        const x = document.createElement('button');
        x.className = 'kq-remove';
        x.textContent = '×';
        x.title = `Remove ${t.name}`;
        x.addEventListener('click', (e) => {
          e.preventDefault();
          onRemove(t.name);
        });
        actions.push(x);
      }
      const detail = `${t.rowCount.toLocaleString('en-US')} rows${t.source === 'dropped' ? ` · ${t.file ?? 'dropped'}` : ''}`;
      return tableEntry(t.name, t.columns, detail, actions, onPick);
    }),
  );
}

export function showCatalogue(host: HTMLElement, catalogue: readonly { name: string; columns: readonly ColumnInfo[] }[], filter: string, onPick: (name: string) => void): void {
  const f = filter.trim().toLowerCase();
  if (f === '') {
    host.replaceChildren();
    return;
  }
  const matches = catalogue.filter((t) => t.name.toLowerCase().includes(f) || t.columns.some((c) => c.name.toLowerCase() === f));
  const shown = matches.slice(0, MAX_CATALOGUE_MATCHES).map((t) => tableEntry(t.name, t.columns, `${t.columns.length} columns`, [], onPick));
  const more = document.createElement('p');
  more.className = 'kq-muted';
  more.textContent = matches.length === 0 ? 'no table matches' : matches.length > shown.length ? `and ${matches.length - shown.length} more` : '';
  host.replaceChildren(...shown, more);
}
