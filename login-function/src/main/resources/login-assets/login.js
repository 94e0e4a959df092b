// Sends the login form with fetch: CloudFront signs requests to the login function (origin access
// control) and needs the SHA-256 of a POST body in x-amz-content-sha256 to do so.
const form = document.getElementById('login-form');
const message = document.getElementById('login-message');
const button = form.querySelector('button');

// Shown in place of a page that needs a login: come back to that page afterwards.
if (location.pathname !== '/login') {
  form.elements.next.value = location.pathname + location.search;
}

function show(text) {
  message.textContent = text;
  message.hidden = false;
}

async function sha256Hex(text) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const body = new URLSearchParams(new FormData(form)).toString();
  button.disabled = true;
  try {
    const response = await fetch('/login', {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'Accept': 'application/json',
        'x-amz-content-sha256': await sha256Hex(body),
      },
      body,
    });
    const answer = await response.json().catch(() => ({}));
    if (response.ok && answer.location) {
      location.replace(answer.location);
      return;
    }
    show(answer.error || 'Signing in did not work. Please try again in a moment.');
    form.elements.password.value = '';
    form.elements.password.focus();
  } catch {
    show('The gallery could not be reached. Check the connection and try again.');
  } finally {
    button.disabled = false;
  }
});
