// The Docker doctor's page: each button says which one was pressed; the extension does the work.
(function () {
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', (event) => {
    const button = event.target.closest('button');
    if (!button) return;
    if (button.id === 'rerun') vscode.postMessage({ type: 'rerun' });
    else if (button.id === 'logs') vscode.postMessage({ type: 'logs' });
    else if (button.dataset.copy !== undefined) vscode.postMessage({ type: 'copy', index: Number(button.dataset.copy) });
    else if (button.dataset.fix !== undefined) vscode.postMessage({ type: 'fix', index: Number(button.dataset.fix) });
  });
  vscode.postMessage({ type: 'ready' });
})();
