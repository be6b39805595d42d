// The stats view's page: one card per container with four rolling charts (the last five minutes), drawn on
// canvases in the theme's colours. Data comes from the extension by postMessage; nothing is fetched.
// @ts-check
(function () {
  const vscode = acquireVsCodeApi();
  const WINDOW_MS = 5 * 60 * 1000;
  /** @type {Map<string, {name: string, samples: any[], element: HTMLElement}>} */
  const containers = new Map();
  /** @type {Record<string, string>} */
  let labels = {};
  const root = /** @type {HTMLElement} */ (document.getElementById('containers'));

  const css = (name, fallback) => getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
  const bytes = (n) => {
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let i = 0;
    while (n >= 1024 && i < units.length - 1) (n /= 1024), i++;
    return `${n.toFixed(i === 0 ? 0 : 1)} ${units[i]}`;
  };

  /** Per-second rates between consecutive samples of a cumulative counter. */
  function rates(samples, key) {
    const out = [];
    for (let i = 1; i < samples.length; i++) {
      const dt = (samples[i].time - samples[i - 1].time) / 1000;
      out.push({ time: samples[i].time, value: dt > 0 ? Math.max(0, samples[i][key] - samples[i - 1][key]) / dt : 0 });
    }
    return out;
  }

  const charts = [
    {
      id: 'cpu',
      series: (s) => [s.map((x) => ({ time: x.time, value: x.cpuPercent }))],
      text: (last) => `${last.cpuPercent.toFixed(2)} %`,
      colours: ['--vscode-charts-blue'],
    },
    {
      id: 'memory',
      series: (s) => [s.map((x) => ({ time: x.time, value: x.memoryUsageBytes }))],
      text: (last) => `${bytes(last.memoryUsageBytes)} ${labels.of} ${bytes(last.memoryLimitBytes)}`,
      colours: ['--vscode-charts-purple'],
      max: (last) => last.memoryLimitBytes,
    },
    {
      id: 'network',
      series: (s) => [rates(s, 'networkRxBytes'), rates(s, 'networkTxBytes')],
      text: (last) => `${bytes(last.networkRxBytes)} ${labels.received} / ${bytes(last.networkTxBytes)} ${labels.sent}`,
      colours: ['--vscode-charts-green', '--vscode-charts-orange'],
    },
    {
      id: 'block',
      series: (s) => [rates(s, 'blockReadBytes'), rates(s, 'blockWriteBytes')],
      text: (last) => `${bytes(last.blockReadBytes)} ${labels.read} / ${bytes(last.blockWriteBytes)} ${labels.written}`,
      colours: ['--vscode-charts-yellow', '--vscode-charts-red'],
    },
  ];

  function card(id, name) {
    const element = document.createElement('section');
    element.className = 'container';
    element.dataset.id = id;
    const title = document.createElement('h2');
    title.textContent = name;
    const hint = document.createElement('span');
    hint.className = 'hint';
    hint.textContent = labels.lastFiveMinutes;
    const remove = document.createElement('button');
    remove.textContent = '×';
    remove.title = labels.remove;
    remove.setAttribute('aria-label', labels.remove);
    remove.addEventListener('click', () => {
      vscode.postMessage({ type: 'remove', id });
      containers.delete(id);
      element.remove();
    });
    title.append(hint, remove);
    const grid = document.createElement('div');
    grid.className = 'charts';
    for (const chart of charts) {
      const box = document.createElement('div');
      box.className = 'chart';
      box.dataset.chart = chart.id;
      box.innerHTML = '<div class="title"><span class="label"></span><span class="value"></span></div><canvas></canvas>';
      /** @type {HTMLElement} */ (box.querySelector('.label')).textContent = labels[chart.id];
      grid.append(box);
    }
    const stopped = document.createElement('p');
    stopped.className = 'stopped';
    stopped.textContent = labels.stopped;
    element.append(title, grid, stopped);
    return element;
  }

  function draw(entry) {
    const samples = entry.samples;
    const last = samples[samples.length - 1];
    /** @type {HTMLElement} */ (entry.element.querySelector('.stopped')).hidden = !!last;
    if (!last) return;
    const now = last.time;
    for (const chart of charts) {
      const box = /** @type {HTMLElement} */ (entry.element.querySelector(`[data-chart="${chart.id}"]`));
      /** @type {HTMLElement} */ (box.querySelector('.value')).textContent = chart.text(last);
      const canvas = /** @type {HTMLCanvasElement} */ (box.querySelector('canvas'));
      const ratio = window.devicePixelRatio || 1;
      canvas.width = canvas.clientWidth * ratio;
      canvas.height = canvas.clientHeight * ratio;
      const ctx = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
      const series = chart.series(samples);
      const peak = Math.max(chart.max ? chart.max(last) : 0, ...series.flat().map((p) => p.value), chart.id === 'cpu' ? 100 : 1);
      ctx.lineWidth = 1.5 * ratio;
      series.forEach((points, i) => {
        ctx.strokeStyle = css(chart.colours[i], '#888');
        ctx.beginPath();
        points.forEach((p, j) => {
          const x = canvas.width * (1 - (now - p.time) / WINDOW_MS);
          const y = canvas.height * (1 - p.value / peak) * 0.95 + canvas.height * 0.025;
          if (j === 0) ctx.moveTo(x, y);
          else ctx.lineTo(x, y);
        });
        ctx.stroke();
      });
    }
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message.type === 'containers') {
      labels = message.labels;
      root.textContent = '';
      for (const c of message.containers) {
        const entry = { name: c.name, samples: c.history.slice(), element: card(c.id, c.name) };
        containers.set(c.id, entry);
        root.append(entry.element);
        draw(entry);
      }
    } else if (message.type === 'sample') {
      const entry = containers.get(message.id);
      if (!entry || !message.sample) return;
      entry.samples.push(message.sample);
      while (entry.samples.length && entry.samples[0].time < message.sample.time - WINDOW_MS) entry.samples.shift();
      draw(entry);
    }
  });
  window.addEventListener('resize', () => containers.forEach(draw));
  vscode.postMessage({ type: 'ready' });
})();
