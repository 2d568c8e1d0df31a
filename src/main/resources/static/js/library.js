// Library pages (no inline script: see the Content-Security-Policy).

// Media upload with a progress bar (templates/library/media.html).
(function () {
  const form = document.getElementById('upload-form');
  if (!form) return;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const file = document.getElementById('upload-file').files[0];
    if (!file) return;
    const xhr = new XMLHttpRequest();
    xhr.open('POST', form.dataset.upload);
    const csrf = document.querySelector('meta[name=_csrf]');
    const header = document.querySelector('meta[name=_csrf_header]');
    if (csrf && header) xhr.setRequestHeader(header.content, csrf.content);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    const bar = document.getElementById('upload-progress');
    const pct = document.getElementById('upload-percent');
    xhr.upload.onprogress = (p) => {
      if (p.lengthComputable) {
        bar.value = Math.round((100 * p.loaded) / p.total);
        pct.textContent = bar.value + '%';
      }
    };
    xhr.onload = () => {
      if (xhr.status === 200) {
        const m = JSON.parse(xhr.responseText);
        bar.value = 100;
        pct.textContent = '100% – uploaded';
        document.getElementById('media-state').textContent = m.size + ' bytes, SHA-256 ' + m.sha256;
      } else {
        pct.textContent = 'Upload failed (' + xhr.status + ')';
      }
    };
    xhr.send(file);
  });
})();

// Script editor: the body highlighted as it is typed (templates/library/script.html).
(function () {
  const body = document.getElementById('script-body');
  const code = document.getElementById('script-highlight');
  if (!body || !code || typeof hljs === 'undefined') return;
  const paint = () => {
    code.textContent = body.value;
    delete code.dataset.highlighted;
    hljs.highlightElement(code);
  };
  body.addEventListener('input', paint);
  paint();
})();
