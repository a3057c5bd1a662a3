// Print shows what <details> hides (sources, data tables), then restores the reader's view.
addEventListener('beforeprint', () => {
  document.querySelectorAll<HTMLDetailsElement>('details:not([open])').forEach((d) => {
    d.open = true;
    d.dataset.printOpened = '';
  });
});
addEventListener('afterprint', () => {
  document.querySelectorAll<HTMLDetailsElement>('details[data-print-opened]').forEach((d) => {
    d.open = false;
    delete d.dataset.printOpened;
  });
});
