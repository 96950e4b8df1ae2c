// The SLA report (#/report): GET /api/reports/sla?from=&to= drawn as inline SVG bar charts (no chart library).
import { api } from './api.js';
import { countryName, formatPercent, label, locale, t } from './i18n.js';
import { $, h, replace } from './util.js';

const SVG = 'http://www.w3.org/2000/svg';
const SERIES = [
  { key: 'attentionCompliance', label: 'report.attention', class: 'bar-attention' },
  { key: 'resolutionCompliance', label: 'report.resolution', class: 'bar-resolution' },
];
const GROUPS = [
  { key: 'bySeverity', title: 'report.bySeverity', name: (k) => k },
  { key: 'byCountry', title: 'report.byCountry', name: (k) => (k === 'unknown' ? '—' : countryName(k)) },
  { key: 'byChannel', title: 'report.byChannel', name: (k) => label('channel.', k) },
  { key: 'byLevel', title: 'report.byLevel', name: (k) => t('level', { level: k }) },
];

function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) if (value !== null && value !== undefined) el.setAttribute(key, String(value));
  for (const child of children.flat()) if (child) el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return el;
}

/** A horizontal bar chart: per group two bars (attention, resolution), 0–100 %. */
export function barChart(rows, group, idBase) {
  const width = 440;
  const labelWidth = 110;
  const valueWidth = 56;
  const barArea = width - labelWidth - valueWidth;
  const barHeight = 13;
  const rowHeight = barHeight * 2 + 12;
  const top = 18;
  const height = top + Math.max(1, rows.length) * rowHeight + 4;
  const summary = rows.map((r) => `${group.name(r.key)}: ${SERIES.map((s) => `${t(s.label)} ${formatPercent(r[s.key])}`).join(', ')}`).join('; ');
  const chart = svg('svg', {
    viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', class: 'chart',
    'aria-labelledby': `${idBase}-title ${idBase}-desc`, 'data-testid': `${idBase}-chart`,
  },
  svg('title', { id: `${idBase}-title` }, t(group.title)),
  svg('desc', { id: `${idBase}-desc` }, t('report.chartLabel', { group: t(group.title).toLowerCase(), values: summary || t('report.empty') })));

  // Grid lines at 0, 25, 50, 75, 100 %.
  for (const pct of [0, 25, 50, 75, 100]) {
    const x = labelWidth + (barArea * pct) / 100;
    chart.append(
      svg('line', { x1: x, x2: x, y1: top - 4, y2: height - 4, class: 'grid' }),
      svg('text', { x, y: 11, class: 'axis', 'text-anchor': 'middle' }, `${pct}%`));
  }

  rows.forEach((row, i) => {
    const y = top + i * rowHeight;
    const name = group.name(row.key);
    const g = svg('g', { 'data-key': row.key });
    g.append(svg('text', { x: labelWidth - 6, y: y + barHeight + 4, class: 'label', 'text-anchor': 'end' }, truncate(name, 16)));
    SERIES.forEach((series, j) => {
      const value = row[series.key];
      const by = y + j * (barHeight + 2);
      const w = value === null || value === undefined ? 0 : Math.max(1, (barArea * value) / 100);
      g.append(svg('rect', { x: labelWidth, y: by, width: w, height: barHeight, rx: 2, class: `bar ${series.class}`, 'data-value': value ?? '' },
        svg('title', {}, t('report.barLabel', { key: name, series: t(series.label), value: formatPercent(value) }))));
      g.append(svg('text', { x: labelWidth + w + 4, y: by + barHeight - 2, class: 'value' }, formatPercent(value)));
    });
    chart.append(g);
  });
  return chart;
}

function truncate(text, max) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function dataTable(rows, group) {
  return h('details', { class: 'chart-data' },
    h('summary', {}, t('report.data')),
    h('table', { class: 'table compact' },
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, t('report.col.key')),
        h('th', { scope: 'col', class: 'num' }, t('report.col.cases')),
        h('th', { scope: 'col' }, t('report.col.attention')),
        h('th', { scope: 'col' }, t('report.col.resolution')))),
      h('tbody', {}, rows.map((r) => h('tr', {},
        h('th', { scope: 'row' }, group.name(r.key)),
        h('td', { class: 'num' }, String(r.cases)),
        h('td', {}, `${r.attentionMet} / ${r.attentionBreached} / ${r.attentionPending} (${formatPercent(r.attentionCompliance)})`),
        h('td', {}, `${r.resolutionMet} / ${r.resolutionBreached} / ${r.resolutionPending} (${formatPercent(r.resolutionCompliance)})`))))));
}

export function createReport(ctx) {
  const view = $('#view-report');
  const form = $('#report-form');
  const from = $('#report-from');
  const to = $('#report-to');
  const output = $('#report-output');
  const status = $('#report-status');
  let last = null;

  // Default period: the last 30 days, as the API's default.
  const today = new Date();
  const monthAgo = new Date(today.getTime() - 30 * 86400000);
  const isoDate = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  from.value = isoDate(monthAgo);
  to.value = isoDate(today);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });

  async function load() {
    status.textContent = t('report.loading');
    // Whole local days: from 00:00 of the first to 00:00 after the last.
    const fromIso = from.value ? new Date(`${from.value}T00:00:00`).toISOString() : '';
    const toIso = to.value ? new Date(new Date(`${to.value}T00:00:00`).getTime() + 86400000).toISOString() : '';
    try {
      last = await api.slaReport(fromIso, toIso);
      status.textContent = '';
      render();
    } catch (error) {
      last = null;
      status.textContent = '';
      replace(output, h('p', { class: 'form-error', role: 'alert', dataset: { testid: 'report-error' } }, error.message));
    }
  }

  function render() {
    if (!last) return;
    const total = last.total;
    replace(output,
      h('p', { class: 'report-total', dataset: { testid: 'report-total' } },
        t('report.total', { cases: total.cases.toLocaleString(locale()), attention: formatPercent(total.attentionCompliance), resolution: formatPercent(total.resolutionCompliance) })),
      h('p', { class: 'legend', 'aria-hidden': 'true' },
        h('span', { class: 'swatch bar-attention' }), ` ${t('report.attention')} `,
        h('span', { class: 'swatch bar-resolution' }), ` ${t('report.resolution')}`),
      total.cases === 0 ? h('p', { class: 'muted' }, t('report.empty')) : null,
      h('div', { class: 'charts' }, GROUPS.map((group) => {
        const rows = last[group.key] ?? [];
        const idBase = `report-${group.key}`;
        return h('section', { class: 'panel chart-panel', 'aria-labelledby': `${idBase}-h`, dataset: { testid: idBase } },
          h('h3', { id: `${idBase}-h` }, t(group.title)),
          barChart(rows, group, idBase),
          dataTable(rows, group));
      })));
  }

  return {
    show() {
      view.hidden = false;
      if (!last) load();
    },
    hide() { view.hidden = true; },
    relabel: render,
  };
}
