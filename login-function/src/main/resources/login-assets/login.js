// The login page's script. CloudFront signs requests to the login function (origin access control)
// and needs the SHA-256 of a POST body in x-amz-content-sha256, so every POST goes through fetch.
async function sha256Hex(text) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function post(path, body) {
  return fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      'Accept': 'application/json',
      'x-amz-content-sha256': await sha256Hex(body),
    },
    body,
  });
}

const form = document.getElementById('login-form');
const signOut = document.getElementById('sign-out-form');

if (form) {
  const message = document.getElementById('login-message');
  const button = form.querySelector('button');

  // Shown in place of a page that needs a login: come back to that page afterwards.
  if (location.pathname !== '/login') {
    form.elements.next.value = location.pathname + location.search;
  }

  const show = (text) => {
    message.textContent = text;
    message.hidden = false;
  };

  // The site's cookies last an hour; a browser still signed in gets new ones without a word. Tried
  // once every few seconds at most, so a page that stays closed does not send the browser round in circles.
  const renewSilently = async () => {
    const last = Number(sessionStorage.getItem('gallery-renewed-at') || 0);
    if (Date.now() - last < 10000) {
      return;
    }
    sessionStorage.setItem('gallery-renewed-at', String(Date.now()));
    form.hidden = true;
    try {
      const response = await post('/login/refresh', '');
      const answer = await response.json().catch(() => ({}));
      if (response.ok && answer.location) {
        const here = location.pathname;
        if ((answer.paths || []).some((path) => here.startsWith(path))) {
          location.reload();
        } else {
          location.replace(answer.location);
        }
        return;
      }
    } catch {
      // Offline or unreachable: the form is still there.
    }
    form.hidden = false;
  };
  renewSilently();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    try {
      const response = await post('/login', new URLSearchParams(new FormData(form)).toString());
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
}

if (signOut) {
  signOut.addEventListener('submit', async (event) => {
    event.preventDefault();
    signOut.querySelector('button').disabled = true;
    try {
      await post('/login/logout', '');
    } finally {
      sessionStorage.removeItem('gallery-renewed-at');
      location.replace('/login');
    }
  });
}
