// The Run… form in the webview: reads the controls into run options, sends them on every change, and
// shows the problems and the docker run line the extension sends back. No framework, no remote code.
(function () {
  const vscode = acquireVsCodeApi();
  const form = document.getElementById('form');
  const LISTS = ['ports', 'volumes', 'tmpfs', 'env', 'secretEnv', 'envFiles', 'securityOpt', 'devices', 'labels'];
  const MULTI = ['capAdd', 'capDrop'];
  const FLAGS = ['remove', 'publishAll', 'privileged'];
  const TEXTS = ['image', 'name', 'mode', 'restart', 'network', 'ip', 'hostname', 'cpus', 'memory', 'entrypoint', 'command', 'workdir', 'user'];

  function read() {
    const o = {};
    for (const id of TEXTS) o[id] = document.getElementById(id).value.trim();
    for (const id of LISTS) o[id] = document.getElementById(id).value.split('\n').map((l) => l.trim()).filter(Boolean);
    for (const id of MULTI) o[id] = [...document.getElementById(id).selectedOptions].map((opt) => opt.value);
    for (const id of FLAGS) o[id] = document.getElementById(id).checked;
    return o;
  }

  function fill(o) {
    for (const id of TEXTS) if (o[id] !== undefined) document.getElementById(id).value = o[id];
    for (const id of LISTS) document.getElementById(id).value = (o[id] || []).join('\n');
    for (const id of MULTI) {
      const wanted = new Set((o[id] || []).map((c) => c.toUpperCase().replace(/^CAP_/, '')));
      for (const opt of document.getElementById(id).options) opt.selected = wanted.has(opt.value);
    }
    for (const id of FLAGS) document.getElementById(id).checked = !!o[id];
  }

  function showProblems(problems) {
    for (const el of document.querySelectorAll('.field:not(.paste)')) {
      const mine = problems.filter((p) => p.field === el.dataset.field);
      const box = el.querySelector('.problem');
      box.textContent = mine.map((p) => p.message).join(' ');
      el.classList.toggle('invalid', mine.some((p) => p.severity === 'error'));
      el.classList.toggle('warning', mine.length > 0 && mine.every((p) => p.severity === 'warning'));
      const control = el.querySelector('input, select, textarea');
      if (control) control.setAttribute('aria-invalid', String(mine.some((p) => p.severity === 'error')));
    }
  }

  let timer;
  form.addEventListener('input', (e) => {
    clearTimeout(timer);
    document.getElementById('form-problem').textContent = '';
    // The interfaces switch rewrites the ports through the extension, which answers with the new lines.
    if (e.target.id === 'allInterfaces') return;
    if (e.target.id === 'paste') {
      document.getElementById('paste-problem').textContent = '';
      e.target.closest('.field').classList.remove('invalid', 'warning');
      return;
    }
    timer = setTimeout(() => vscode.postMessage({ type: 'change', options: read() }), 150);
  });
  const texts = JSON.parse(document.getElementById('texts').textContent);
  let errors = [];
  const banner = document.getElementById('form-problem');

  /** Run with errors present: say what is wrong at the top and take the user to the first one. */
  function run() {
    if (errors.length) {
      banner.textContent = [texts.fix, ...errors.map((p) => `• ${p.message}`)].join('\n');
      const first = document.getElementById(errors[0].field);
      (first || banner).focus();
      return;
    }
    banner.textContent = '';
    vscode.postMessage({ type: 'run', options: read() });
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    run();
  });
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && e.target.id === 'paste') {
      e.preventDefault();
      vscode.postMessage({ type: 'paste', line: e.target.value });
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      run();
    }
  });
  document.getElementById('allInterfaces').addEventListener('change', (e) => vscode.postMessage({ type: 'interfaces', all: e.target.checked, options: read() }));
  document.getElementById('fill').addEventListener('click', () => vscode.postMessage({ type: 'paste', line: document.getElementById('paste').value }));
  document.getElementById('copy').addEventListener('click', () => vscode.postMessage({ type: 'copy', options: read() }));
  document.getElementById('save').addEventListener('click', () => vscode.postMessage({ type: 'save', options: read() }));

  window.addEventListener('message', (event) => {
    const m = event.data;
    if (m.type === 'problems') {
      showProblems(m.problems);
      document.getElementById('line').textContent = m.line;
      errors = m.problems.filter((p) => p.severity === 'error');
      document.getElementById('run').setAttribute('aria-disabled', String(errors.length > 0));
      document.getElementById('allInterfaces').checked = !!m.allInterfaces;
    } else if (m.type === 'ports') {
      document.getElementById('ports').value = m.ports.join('\n');
      vscode.postMessage({ type: 'change', options: read() });
    } else if (m.type === 'failed') {
      banner.textContent = m.message;
      banner.focus();
    } else if (m.type === 'filled') {
      fill(m.options);
      document.getElementById('paste-problem').textContent = m.note || '';
      document.getElementById('paste').closest('.field').classList.toggle('warning', !!m.note);
      vscode.postMessage({ type: 'change', options: read() });
    } else if (m.type === 'pasteRefused') {
      document.getElementById('paste-problem').textContent = m.message;
      document.getElementById('paste').closest('.field').classList.add('invalid');
    }
  });

  fill(JSON.parse(document.getElementById('initial').textContent));
  document.getElementById(document.getElementById('image').value ? 'name' : 'image').focus();
  vscode.postMessage({ type: 'change', options: read() });
})();
