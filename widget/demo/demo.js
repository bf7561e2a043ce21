// Demo controls: every change goes through the element's attributes, as a site would do it.
const form = document.getElementById('form');
const log = document.getElementById('log');

for (const input of document.querySelectorAll('input[name="lang"], input[name="theme"]')) {
  input.addEventListener('change', () => {
    form.setAttribute(input.name, input.value);
    if (input.name === 'lang') document.documentElement.lang = input.value;
    if (input.name === 'theme') document.body.dataset.theme = input.value;
  });
}
document.getElementById('profile').addEventListener('change', (e) => {
  form.profile = e.target.value;
});
document.getElementById('reset').addEventListener('click', () => form.reset());

for (const type of [
  'complaint-submit',
  'complaint-submitted',
  'complaint-queued',
  'complaint-error',
]) {
  form.addEventListener(type, (e) => {
    const item = document.createElement('li');
    const detail = type === 'complaint-submit' ? { id: e.detail.id } : e.detail;
    item.textContent = `${new Date().toLocaleTimeString()} ${type} ${JSON.stringify(detail)}`;
    log.prepend(item);
  });
}
