// The results grid: virtual scrolling over rows that stay in the worker. Only the rows in view (plus a margin) are
// in the DOM; rows arrive in blocks of BLOCK from the worker as they come into view. Row height is fixed, so the
// scroll position alone says which rows to show. Browsers cap an element's height (Firefox near 17.9M px), so past
// MAX_SCROLL_PX the scroll range is scaled: the scrollbar maps onto row numbers proportionally.
import type { ColumnInfo } from './protocol';

const ROW_PX = 24;
/** Rows per request to the worker; the first block comes with the result. */
export const BLOCK = 500;
const MARGIN_ROWS = 10;
const MAX_SCROLL_PX = 8_000_000;

export interface GridData {
  readonly columns: readonly ColumnInfo[];
  readonly rowCount: number;
  /** The first rows, as they came with the result. */
  readonly firstRows: readonly (readonly string[])[];
  /** Fetches rows [start, end) from the worker. */
  readonly fetchRows: (start: number, end: number) => Promise<readonly (readonly string[])[]>;
}

function columnWidth(c: ColumnInfo, sample: readonly (readonly string[])[], j: number): number {
  let chars = Math.max(c.name.length, c.type.length + 2);
  for (const row of sample) chars = Math.max(chars, Math.min(60, (row[j] ?? '').length));
  return Math.min(480, Math.max(64, Math.round(chars * 7.4 + 20)));
}

export class ResultGrid {
  private data: GridData | undefined;
  private readonly blocks = new Map<number, readonly (readonly string[])[] | 'loading'>();
  private widths: number[] = [];
  private readonly scroller: HTMLDivElement;
  private readonly header: HTMLDivElement;
  private readonly spacer: HTMLDivElement;
  private readonly body: HTMLDivElement;
  private frame = 0;
  /** Bumped for every new result, so blocks that arrive for an older one are dropped. */
  private generation = 0;

  constructor(
    host: HTMLElement,
    private readonly onCell: (text: string, column: ColumnInfo, row: number) => void,
  ) {
    this.scroller = el('div', 'grid-scroll');
    this.header = el('div', 'grid-header');
    this.spacer = el('div', 'grid-spacer');
    this.body = el('div', 'grid-body');
    this.scroller.append(this.header, this.spacer);
    this.spacer.append(this.body);
    host.append(this.scroller);
    this.scroller.addEventListener('scroll', () => this.schedule());
    new ResizeObserver(() => this.schedule()).observe(this.scroller);
    this.body.addEventListener('click', (e) => {
      const cell = (e.target as HTMLElement).closest<HTMLElement>('.kq-cell[data-col]');
      const row = cell?.parentElement?.dataset.row;
      if (!cell || row === undefined || !this.data) return;
      this.body.querySelector('.kq-cell.selected')?.classList.remove('selected');
      cell.classList.add('selected');
      this.onCell(cell.textContent ?? '', this.data.columns[Number(cell.dataset.col)]!, Number(row));
    });
  }

  show(data: GridData): void {
    this.generation++;
    this.data = data;
    this.blocks.clear();
    const first = data.firstRows;
    if (first.length >= Math.min(BLOCK, data.rowCount)) this.blocks.set(0, first.slice(0, BLOCK));
    const sample = first.slice(0, 200);
    this.widths = data.columns.map((c, j) => columnWidth(c, sample, j));
    const total = this.widths.reduce((a, w) => a + w, 0) + this.numberWidth();
    this.header.replaceChildren(
      cellEl('#', this.numberWidth(), 'kq-cell rownum'),
      ...data.columns.map((c, j) => {
        const h = cellEl('', this.widths[j]!, 'kq-cell');
        h.append(el('span', 'col-name', c.name), el('span', 'col-type', c.type));
        h.title = `${c.name}: ${c.type}`;
        return h;
      }),
    );
    this.header.style.width = `${total}px`;
    this.spacer.style.width = `${total}px`;
    this.spacer.style.height = `${Math.min(MAX_SCROLL_PX, data.rowCount * ROW_PX)}px`;
    this.scroller.scrollTop = 0;
    this.scroller.scrollLeft = 0;
    this.render();
  }

  clear(): void {
    this.generation++;
    this.data = undefined;
    this.blocks.clear();
    this.header.replaceChildren();
    this.body.replaceChildren();
    this.spacer.style.height = '0px';
  }

  private numberWidth(): number {
    return Math.max(48, String(this.data?.rowCount ?? 0).length * 8 + 20);
  }

  private schedule(): void {
    if (this.frame === 0) this.frame = requestAnimationFrame(() => this.render());
  }

  /** The rows to draw [from, to) and where their layer goes, for the current scroll position. */
  private placement(data: GridData): { from: number; to: number; top: number } {
    const scrollTop = this.scroller.scrollTop;
    const view = this.scroller.clientHeight;
    const visible = Math.ceil(view / ROW_PX) + 1;
    if (data.rowCount * ROW_PX <= MAX_SCROLL_PX) {
      const first = Math.floor(scrollTop / ROW_PX);
      const from = Math.max(0, first - MARGIN_ROWS);
      return { from, to: Math.min(data.rowCount, first + visible + MARGIN_ROWS), top: from * ROW_PX };
    }
    // Scaled: the layer follows the viewport, and the scroll fraction picks the first row.
    const range = Math.max(1, MAX_SCROLL_PX - view);
    const last = Math.max(0, data.rowCount - visible + 1);
    const from = Math.min(last, Math.round((scrollTop / range) * last));
    return { from, to: Math.min(data.rowCount, from + visible), top: scrollTop };
  }

  private render(): void {
    this.frame = 0;
    const data = this.data;
    if (!data) return;
    const { from, to, top } = this.placement(data);
    this.body.style.transform = `translateY(${top}px)`;
    const rows: HTMLElement[] = [];
    for (let i = from; i < to; i++) rows.push(this.rowEl(i));
    this.body.replaceChildren(...rows);
  }

  private rowEl(i: number): HTMLElement {
    const row = el('div', i % 2 ? 'grid-row odd' : 'grid-row');
    row.dataset.row = String(i);
    row.append(cellEl(String(i + 1), this.numberWidth(), 'kq-cell rownum'));
    const cells = this.cellsOf(i);
    this.data!.columns.forEach((_, j) => {
      const c = cellEl(cells ? (cells[j] ?? '') : '…', this.widths[j]!, cells ? 'kq-cell' : 'kq-cell pending');
      c.dataset.col = String(j);
      row.append(c);
    });
    return row;
  }

  private cellsOf(i: number): readonly string[] | undefined {
    const b = Math.floor(i / BLOCK);
    const block = this.blocks.get(b);
    if (block === undefined) this.load(b);
    return block === undefined || block === 'loading' ? undefined : block[i - b * BLOCK];
  }

  private load(b: number): void {
    const data = this.data!;
    const generation = this.generation;
    this.blocks.set(b, 'loading');
    data.fetchRows(b * BLOCK, Math.min(data.rowCount, (b + 1) * BLOCK)).then(
      (rows) => {
        if (generation !== this.generation) return;
        this.blocks.set(b, rows);
        this.schedule();
      },
      () => {
        if (generation === this.generation) this.blocks.delete(b);
      },
    );
  }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function cellEl(text: string, width: number, cls: string): HTMLDivElement {
  const c = el('div', cls, text);
  c.style.width = `${width}px`;
  return c;
}
