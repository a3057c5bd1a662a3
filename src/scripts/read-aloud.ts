// Read a task's summary aloud where the browser offers speech synthesis: the button stays hidden
// otherwise (progressive enhancement; the browser's own voice, never a third-party service).
const synth = 'speechSynthesis' in window ? window.speechSynthesis : undefined;
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-read-aloud]')) {
  if (!synth || typeof SpeechSynthesisUtterance === 'undefined') continue;
  button.hidden = false;
  button.addEventListener('click', () => {
    if (synth.speaking) {
      synth.cancel();
      button.setAttribute('aria-pressed', 'false');
      return;
    }
    const text = document.getElementById(button.dataset.readAloud ?? '')?.innerText ?? '';
    const u = new SpeechSynthesisUtterance(text);
    u.lang = 'zh-CN';
    u.rate = 0.9;
    u.onend = u.onerror = () => button.setAttribute('aria-pressed', 'false');
    button.setAttribute('aria-pressed', 'true');
    synth.speak(u);
  });
}
