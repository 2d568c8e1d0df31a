// Library pages (no inline script: see the Content-Security-Policy).

// File uploads with a progress bar (templates/library/media.html, software.html): every form with
// data-upload sends its chosen file as the raw body; data-file-name-param names the query parameter
// for the file's name; data-state is the id of the element that shows the stored file.
document.querySelectorAll('form[data-upload]').forEach((form) => {
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const file = form.querySelector('input[type=file]').files[0];
    if (!file) return;
    let url = form.dataset.upload;
    if (form.dataset.fileNameParam) {
      url += (url.includes('?') ? '&' : '?') + form.dataset.fileNameParam + '=' + encodeURIComponent(file.name);
    }
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    const csrf = document.querySelector('meta[name=_csrf]');
    const header = document.querySelector('meta[name=_csrf_header]');
    if (csrf && header) xhr.setRequestHeader(header.content, csrf.content);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    const bar = form.querySelector('progress');
    const pct = form.querySelector('[role=status]');
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
        const state = document.getElementById(form.dataset.state);
        if (state && m.sha256) state.textContent = m.size + ' bytes, SHA-256 ' + m.sha256;
        if (state && m.installerSha256) {
          state.textContent = m.installerFileName + ', ' + m.installerSize + ' bytes';
        }
        if (form.dataset.reload) window.location.reload();
      } else {
        let detail = '';
        try {
          detail = JSON.parse(xhr.responseText).detail || '';
        } catch (ignored) {
          detail = '';
        }
        pct.textContent = 'Upload failed (' + xhr.status + ')' + (detail ? ': ' + detail : '');
      }
    };
    xhr.send(file);
  });
});

// License editor: the chosen file goes into the form as base64 (templates/library/license.html).
(function () {
  const input = document.getElementById('license-file');
  if (!input) return;
  input.addEventListener('change', () => {
    const file = input.files[0];
    const data = document.getElementById('license-file-base64');
    const name = document.getElementById('license-file-name');
    if (!file) {
      data.value = '';
      name.value = '';
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      data.value = String(reader.result).replace(/^data:[^,]*,/, '');
      name.value = file.name;
      input.dataset.ready = 'true';
    };
    reader.readAsDataURL(file);
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
