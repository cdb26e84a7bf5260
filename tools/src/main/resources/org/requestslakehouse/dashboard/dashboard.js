/*
 * The dashboard page: reads the filters, fetches every chart's data from /api/gold/... with the same filter,
 * draws it with Chart.js, and repeats every refreshSeconds so the charts follow a running job.
 *
 * window.__dashboard exposes what is on screen (the filter the data was fetched with and the data itself) and
 * body[data-version] counts completed loads, so a browser test can wait for a load and compare its numbers.
 */
(function () {
  'use strict';

  const FILTERS = ['from', 'to', 'city', 'neighborhood', 'department', 'type'];
  /** More bars than this are unreadable; the type filter reaches the others. */
  const MAX_TYPES_SHOWN = 12;
  const COLORS = { opened: '#2f6fdb', closed: '#12a150', backlog: '#d97706', onTime: '#2f6fdb', p50: '#2f6fdb', p90: '#9b59b6' };

  const state = { version: 0, filter: null, options: null, data: null, loadMillis: null };
  window.__dashboard = state;

  const charts = {};
  let loading = false;
  let reloadRequested = false;
  let timer = null;

  function element(id) {
    return document.getElementById(id);
  }

  async function getJson(url) {
    const response = await fetch(url, { cache: 'no-store', headers: { Accept: 'application/json' } });
    const body = await response.json();
    if (!response.ok) {
      throw new Error(body.error || ('HTTP ' + response.status));
    }
    return body;
  }

  function currentFilter() {
    const filter = {};
    for (const name of FILTERS) {
      filter[name] = element('filter-' + name).value || null;
    }
    return filter;
  }

  function queryString(filter) {
    const params = new URLSearchParams();
    for (const name of FILTERS) {
      if (filter[name]) {
        params.set(name, filter[name]);
      }
    }
    const text = params.toString();
    return text ? '?' + text : '';
  }

  /** Refills a select with the values gold knows, keeping the user's choice when it is still offered. */
  function fillSelect(name, values) {
    const select = element('filter-' + name);
    const chosen = select.value;
    const existing = Array.from(select.options).slice(1).map(o => o.value);
    if (existing.length === values.length && existing.every((v, i) => v === values[i])) {
      return;
    }
    while (select.options.length > 1) {
      select.remove(1);
    }
    for (const value of values) {
      select.add(new Option(value, value));
    }
    select.value = values.includes(chosen) ? chosen : '';
  }

  function applyOptions(options) {
    state.options = options;
    fillSelect('city', options.cities);
    fillSelect('neighborhood', options.neighborhoods);
    fillSelect('department', options.departments);
    fillSelect('type', options.types);
    for (const [name, value] of [['from', options.defaultFrom], ['to', options.defaultTo]]) {
      const input = element('filter-' + name);
      if (!input.value && value) {
        input.value = value;
      }
    }
  }

  function lineChart(id, datasets) {
    return new Chart(element(id), {
      type: 'line',
      data: { labels: [], datasets: datasets },
      options: {
        animation: false,
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        elements: { point: { radius: 0 }, line: { borderWidth: 1.5, tension: 0 } },
        scales: { x: { ticks: { maxTicksLimit: 10, maxRotation: 0 } }, y: { beginAtZero: true } }
      }
    });
  }

  function barChart(id, datasets, extra) {
    return new Chart(element(id), {
      type: 'bar',
      data: { labels: [], datasets: datasets },
      options: Object.assign({ animation: false, maintainAspectRatio: false }, extra)
    });
  }

  function createCharts() {
    charts.hourly = lineChart('chart-hourly', [
      { label: 'Opened', data: [], borderColor: COLORS.opened, backgroundColor: COLORS.opened },
      { label: 'Closed', data: [], borderColor: COLORS.closed, backgroundColor: COLORS.closed }
    ]);
    charts.backlog = lineChart('chart-backlog', [
      { label: 'Open cases', data: [], borderColor: COLORS.backlog, backgroundColor: 'rgba(217, 119, 6, 0.15)', fill: 'start' }
    ]);
    // The trend is the point; from zero a backlog of thousands moving by tens looks flat.
    charts.backlog.options.scales.y.beginAtZero = false;
    charts.onTime = barChart('chart-on-time', [
      { label: 'On-time rate (%)', data: [], backgroundColor: COLORS.onTime }
    ], {
      scales: { y: { beginAtZero: true, max: 100 } },
      plugins: { legend: { display: false } }
    });
    charts.resolution = barChart('chart-resolution', [
      { label: 'p50 hours', data: [], backgroundColor: COLORS.p50 },
      { label: 'p90 hours', data: [], backgroundColor: COLORS.p90 }
    ], { indexAxis: 'y', scales: { x: { beginAtZero: true } } });
  }

  function setSeries(chart, labels, series) {
    chart.data.labels = labels;
    series.forEach((values, i) => { chart.data.datasets[i].data = values; });
    chart.update('none');
  }

  function sourceText(id, body) {
    const range = body.from ? ` · ${body.from} to ${body.to}` : ' · no data yet';
    element(id).textContent = 'from ' + body.source + range;
  }

  function percent(rate) {
    return rate === null ? '–' : (rate * 100).toFixed(1) + ' %';
  }

  function renderNeighborhoods(body) {
    const tbody = element('neighborhoods').tBodies[0];
    const rows = body.neighborhoods.map(n => {
      const tr = document.createElement('tr');
      for (const value of [n.neighborhood, n.opened.toLocaleString('en-US'), n.closed.toLocaleString('en-US'),
        n.onTime.toLocaleString('en-US'), n.overdue.toLocaleString('en-US'), percent(n.onTimeRate)]) {
        const td = document.createElement('td');
        td.textContent = value;
        tr.appendChild(td);
      }
      return tr;
    });
    tbody.replaceChildren(...rows);
    sourceText('source-neighborhoods', body);
  }

  /** An instant in the data's zone (Boston), which is how every other date on the page is meant. */
  function localTime(iso) {
    if (!iso) {
      return 'nothing yet';
    }
    return new Intl.DateTimeFormat('en-CA', {
      timeZone: state.options.timeZone, year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short'
    }).format(new Date(iso));
  }

  function renderCompleteness(body) {
    const chips = body.tables.map(t => {
      const chip = document.createElement('span');
      chip.className = 'chip';
      chip.dataset.table = t.table;
      const name = document.createElement('b');
      name.textContent = t.table;
      chip.append(name, ' complete through ' + localTime(t.completeThrough));
      return chip;
    });
    if (chips.length === 0) {
      const none = document.createElement('span');
      none.className = 'chip';
      none.textContent = 'gold.watermarks is empty: no window is final yet';
      chips.push(none);
    }
    element('completeness').replaceChildren(...chips);
  }

  function render(data) {
    setSeries(charts.hourly, data.hourly.labels, [data.hourly.opened, data.hourly.closed]);
    sourceText('source-hourly', data.hourly);
    setSeries(charts.backlog, data.hourly.labels, [data.hourly.backlog]);
    sourceText('source-backlog', data.hourly);
    setSeries(charts.onTime, data.onTime.departments.map(d => d.department),
      [data.onTime.departments.map(d => d.onTimeRate === null ? null : Math.round(d.onTimeRate * 1000) / 10)]);
    sourceText('source-on-time', data.onTime);
    const types = data.resolution.types.slice(0, MAX_TYPES_SHOWN);
    setSeries(charts.resolution, types.map(t => t.type), [types.map(t => t.p50Hours), types.map(t => t.p90Hours)]);
    sourceText('source-resolution', data.resolution);
    if (data.resolution.types.length > types.length) {
      element('source-resolution').textContent += ` · the ${types.length} types with most closed cases of `
        + data.resolution.types.length;
    }
    renderNeighborhoods(data.neighborhoods);
    renderCompleteness(data.completeness);
  }

  function showError(message) {
    const box = element('error');
    box.textContent = message || '';
    box.hidden = !message;
  }

  /** One load of everything; a filter change during a load queues exactly one more. */
  async function load() {
    if (loading) {
      reloadRequested = true;
      return;
    }
    loading = true;
    clearTimeout(timer);
    const started = performance.now();
    try {
      applyOptions(await getJson('/api/filters'));
      const filter = currentFilter();
      const query = queryString(filter);
      const [hourly, onTime, resolution, neighborhoods, completeness] = await Promise.all([
        getJson('/api/gold/hourly' + query),
        getJson('/api/gold/on-time' + query),
        getJson('/api/gold/resolution' + query),
        getJson('/api/gold/neighborhoods' + query),
        getJson('/api/gold/completeness')
      ]);
      const data = { hourly, onTime, resolution, neighborhoods, completeness };
      render(data);
      state.filter = filter;
      state.data = data;
      state.loadMillis = Math.round(performance.now() - started);
      state.version += 1;
      showError(null);
      element('status').textContent = 'Updated ' + new Date().toLocaleTimeString('en-US') + ' in ' + state.loadMillis
        + ' ms · refreshes every ' + state.options.refreshSeconds + ' s';
      document.body.dataset.state = 'ready';
    } catch (e) {
      showError('Could not load the dashboard data: ' + e.message);
      document.body.dataset.state = 'error';
    } finally {
      document.body.dataset.version = String(state.version);
      loading = false;
      const seconds = state.options ? state.options.refreshSeconds : 5;
      if (reloadRequested) {
        reloadRequested = false;
        load();
      } else {
        timer = setTimeout(load, seconds * 1000);
      }
    }
  }

  async function lookUpCase(event) {
    event.preventDefault();
    const id = element('case-id').value.trim();
    const out = element('case-result');
    try {
      const city = element('filter-city').value;
      const query = city ? '?city=' + encodeURIComponent(city) : '';
      const response = await fetch('/api/cases/' + encodeURIComponent(id) + query, { cache: 'no-store' });
      const body = await response.json();
      out.textContent = response.ok ? JSON.stringify(body, null, 2) : body.error;
    } catch (e) {
      out.textContent = 'Lookup failed: ' + e.message;
    }
  }

  function resetFilters() {
    for (const name of ['city', 'neighborhood', 'department', 'type']) {
      element('filter-' + name).value = '';
    }
    if (state.options) {
      element('filter-from').value = state.options.defaultFrom || '';
      element('filter-to').value = state.options.defaultTo || '';
    }
    load();
  }

  document.addEventListener('DOMContentLoaded', () => {
    createCharts();
    for (const name of FILTERS) {
      element('filter-' + name).addEventListener('change', load);
    }
    element('filter-reset').addEventListener('click', resetFilters);
    element('case-form').addEventListener('submit', lookUpCase);
    load();
  });
})();
