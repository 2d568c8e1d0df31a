// Small helpers for the console; everything works without them except the conveniences below.
document.addEventListener('click', (e) => {
  // "Select all" checkboxes: data-select-all="<name or group>" toggles every checkbox in that group.
  const all = e.target.closest('[data-select-all]');
  if (all) {
    document.querySelectorAll(`input[type=checkbox][data-group="${all.dataset.selectAll}"]`)
      .forEach((c) => { if (!c.closest('[hidden]')) c.checked = all.checked; });
  }
});
document.addEventListener('input', (e) => {
  // A filter box: data-filter="<selector>" hides matching items whose text does not contain the query.
  const box = e.target.closest('[data-filter]');
  if (box) {
    const q = box.value.trim().toLowerCase();
    document.querySelectorAll(box.dataset.filter).forEach((el) => {
      el.hidden = q !== '' && !el.textContent.toLowerCase().includes(q);
    });
  }
});
document.addEventListener('change', (e) => {
  // Keeps "<n> selected" next to a form's permission checkboxes current.
  const form = e.target.closest('form');
  const count = form && form.querySelector('[data-selected-count]');
  if (count) count.textContent = `${form.querySelectorAll('input[name=permissions]:checked').length} selected`;
});
document.addEventListener('submit', (e) => {
  // data-confirm="<question>" on a form asks before submitting (no inline handlers: see the CSP).
  const form = e.target.closest('form[data-confirm]');
  if (form && !window.confirm(form.dataset.confirm)) e.preventDefault();
});
document.addEventListener('click', (e) => {
  // data-back on a link goes back in history when there is somewhere to go back to.
  const back = e.target.closest('a[data-back]');
  if (back && window.history.length > 1) {
    e.preventDefault();
    window.history.back();
  }
});
// Pickers (templates/shared/picker.html): choosing an option fills the hidden input and closes the
// list; typing again clears the choice until a new option is chosen.
document.addEventListener('click', (e) => {
  const option = e.target.closest('.picker-option');
  if (!option) return;
  const picker = option.closest('.picker');
  if (picker.classList.contains('multi-picker')) return addChip(picker, option);
  const hidden = picker.querySelector('input[type=hidden]');
  hidden.value = option.dataset.value;
  picker.querySelector('input[type=search]').value = option.dataset.label;
  picker.querySelector('.picker-options').innerHTML = '';
  picker.dataset.chosen = 'true';
  hidden.dispatchEvent(new Event('change', { bubbles: true }));
});
// Multi-value pickers: choosing adds a chip (with its hidden input) unless already chosen, and
// clears the search for the next one; a chip's × removes it.
function addChip(picker, option) {
  const chosen = picker.querySelector('.picker-chosen');
  const already = [...chosen.querySelectorAll('input[type=hidden]')]
    .some((i) => i.value === option.dataset.value);
  if (!already) {
    const chip = document.createElement('span');
    chip.className = 'picker-chip';
    const hidden = document.createElement('input');
    hidden.type = 'hidden';
    hidden.name = picker.dataset.name;
    hidden.value = option.dataset.value;
    const label = document.createElement('span');
    label.className = 'picker-chip-label';
    label.textContent = option.dataset.label;
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'picker-chip-remove';
    remove.setAttribute('aria-label', 'Remove ' + option.dataset.label);
    remove.textContent = '×';
    chip.append(hidden, label, remove);
    chosen.append(chip);
    hidden.dispatchEvent(new Event('change', { bubbles: true }));
  }
  picker.querySelector('input[type=search]').value = '';
  picker.querySelector('.picker-options').innerHTML = '';
}
document.addEventListener('click', (e) => {
  const remove = e.target.closest('.picker-chip-remove');
  if (remove) remove.closest('.picker-chip').remove();
});
document.addEventListener('input', (e) => {
  const picker = e.target.matches('.picker:not(.multi-picker) input[type=search]')
    && e.target.closest('.picker');
  if (picker) {
    picker.querySelector('input[type=hidden]').value = '';
    delete picker.dataset.chosen;
  }
});
// Once an option is chosen, a search still pending from the typing before (its delay, or its
// answer on the way) must not open the list again over the form: until the user types again.
const chosenPicker = (elt) => elt && elt.closest && elt.closest('.picker[data-chosen]');
document.addEventListener('htmx:confirm', (e) => {
  if (chosenPicker(e.target)) e.preventDefault();
});
document.addEventListener('htmx:beforeSwap', (e) => {
  if (chosenPicker(e.detail.requestConfig && e.detail.requestConfig.elt)) e.detail.shouldSwap = false;
});
