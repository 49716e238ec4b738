// Elder mode's "read aloud": the browser's own speech synthesis reads the posting, in the page's
// language. The button stays hidden where the browser cannot speak; a second press stops.
(function () {
  var button = document.getElementById('read-aloud');
  if (!button || !('speechSynthesis' in window)) {
    return;
  }
  button.hidden = false;
  button.addEventListener('click', function () {
    var speaking = window.speechSynthesis.speaking;
    window.speechSynthesis.cancel();
    if (speaking) {
      button.textContent = button.dataset.start;
      return;
    }
    var utterance = new SpeechSynthesisUtterance(
      document.querySelector(button.dataset.target).innerText);
    utterance.lang = document.documentElement.lang === 'en' ? 'en-US' : 'zh-CN';
    utterance.onend = function () {
      button.textContent = button.dataset.start;
    };
    button.textContent = button.dataset.stop;
    window.speechSynthesis.speak(utterance);
  });
})();
