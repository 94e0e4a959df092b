// Family Gallery viewer: PhotoSwipe over the album's justified grid. The grid is plain links to the
// large renditions and the videos' MP4s, so everything works without this script; with it, a click
// opens the viewer. Each open photo or video has its own URL (#photo=<name>) and the back button
// closes the viewer.

const grid = document.getElementById('photos');
if (grid) {
  offerOrders(grid);
  offerAlbumZips();
  openViewerOn(grid);
}

function moduleUrl(name) {
  // Dynamic imports resolve against this module's URL, so make the page-relative path absolute.
  return new URL(document.body.dataset[name], document.baseURI).href;
}

async function openViewerOn(grid) {
  const { default: PhotoSwipeLightbox } = await import(moduleUrl('lightboxModule'));
  // Read at each use: the viewer may have re-sorted the tiles.
  const ids = () => Array.from(grid.querySelectorAll('a.tile'), (tile) => decodeURIComponent(tile.dataset.photoId));

  const lightbox = new PhotoSwipeLightbox({
    gallery: grid,
    children: 'a.tile',
    pswpModule: () => import(moduleUrl('viewerModule')),
    preload: [1, 2],
    wheelToZoom: true,
    imageClickAction: 'zoom-or-close',
    tapAction: 'toggle-controls',
    doubleTapAction: 'zoom',
    // Opaque: the page must not show through behind the toolbar and captions.
    bgOpacity: 1,
    paddingFn: (viewport, item) => ({ top: 0, left: 0, right: 0, bottom: videoCaptionSpace(item) }),
  });
  showVideos(lightbox);

  lightbox.on('uiRegister', () => {
    const pswp = lightbox.pswp;
    pswp.ui.registerElement({
      name: 'download',
      order: 8,
      isButton: true,
      tagName: 'a',
      title: 'Download',
      html: {
        isCustomSVG: true,
        inner: '<path d="M15 8h2v11l4-4 1.4 1.4-6.4 6.4-6.4-6.4L11 15l4 4ZM9 24h14v2H9Z" id="pswp__icn-download"/>',
        outlineID: 'pswp__icn-download',
      },
      onInit: (link) => {
        pswp.on('change', () => {
          const { download, downloadName } = pswp.currSlide.data.element.dataset;
          offerDownload(link, download, downloadName);
        });
      },
    });
    pswp.ui.registerElement({
      name: 'original',
      order: 8,
      isButton: true,
      tagName: 'a',
      title: 'Download the original as uploaded (it may show where it was taken)',
      // The download arrow in a frame: the file itself, as it came from the camera.
      html: {
        isCustomSVG: true,
        inner: '<path d="M6 6h20v20H6Zm2 2v16h16V8Zm7 2h2v7l2.6-2.6 1.4 1.4-5 5-5-5 1.4-1.4 2.6 2.6Z" id="pswp__icn-original"/>',
        outlineID: 'pswp__icn-original',
      },
      onInit: (link) => {
        pswp.on('change', () => {
          const { original, photoId } = pswp.currSlide.data.element.dataset;
          offerDownload(link, original, decodeURIComponent(photoId));
        });
      },
    });
    pswp.ui.registerElement({
      name: 'live',
      order: 7,
      isButton: true,
      title: 'Play the Live Photo',
      html: '<span class="pswp__live-label">LIVE</span>',
      onInit: (button) => {
        pswp.on('change', () => {
          button.hidden = !pswp.currSlide.data.element.dataset.motion;
        });
      },
      onClick: () => playMotion(pswp.currSlide),
    });
    const slideshow = new Slideshow(pswp);
    pswp.ui.registerElement({
      name: 'slideshow',
      order: 6,
      isButton: true,
      title: 'Start the slideshow (S)',
      html: {
        isCustomSVG: true,
        inner: '<path d="M11 9v14l12-7Z" id="pswp__icn-slideshow"/>',
        outlineID: 'pswp__icn-slideshow',
      },
      onInit: (button) => slideshow.attach(button),
      onClick: () => slideshow.toggle(),
    });
    const info = new InfoPanel(pswp);
    pswp.ui.registerElement({
      name: 'info',
      order: 9,
      isButton: true,
      title: 'Photo details (I)',
      html: '<span class="pswp__info-label" aria-hidden="true">i</span>',
      onInit: (button) => info.attach(button),
      onClick: () => info.toggle(),
    });
    pswp.ui.registerElement({
      name: 'help',
      order: 5,
      isButton: true,
      title: 'Keyboard shortcuts (?)',
      html: '<span class="pswp__help-label" aria-hidden="true">?</span>',
      onClick: () => toggleHelp(pswp),
    });
    pswp.ui.registerElement({
      name: 'notice',
      order: 10,
      isButton: false,
      appendTo: 'root',
      onInit: (box) => {
        box.setAttribute('role', 'status');
        slideshow.noticeBox = box;
      },
    });
    pswp.on('keydown', (event) => {
      const { key, target } = event.originalEvent;
      // The space bar on a focused button or player presses that control instead.
      const onControl = target instanceof Element && target.closest('button, a, input, video, [role=dialog]');
      if (key === 's' || key === 'S' || (key === ' ' && !onControl)) {
        event.preventDefault();
        slideshow.toggle();
      } else if (slideshow.running && (key === '+' || key === '=' || key === '-')) {
        event.preventDefault();
        slideshow.changeSeconds(key === '-' ? -1 : 1);
      } else if (key === '?') {
        event.preventDefault();
        toggleHelp(pswp);
      } else if (key === 'i' || key === 'I') {
        event.preventDefault();
        info.toggle();
      } else {
        slideshow.stop();
      }
    });
    pswp.on('pointerDown', (event) => {
      if (!event.originalEvent.target.closest('.pswp__button--slideshow')) {
        slideshow.stop();
      }
    });
    pswp.on('wheel', () => slideshow.stop());
    pswp.on('close', () => slideshow.stop());
    pswp.ui.registerElement({
      name: 'caption',
      order: 9,
      isButton: false,
      appendTo: 'root',
      onInit: (box) => {
        pswp.on('change', () => showCaption(box, pswp.currSlide.data.element.dataset));
      },
    });
  });

  // The viewer's history entry: pushed when it opens, replaced while swiping, popped when it closes.
  let ownsHistoryEntry = false;
  lightbox.on('change', () => {
    const url = '#photo=' + encodeURIComponent(ids()[lightbox.pswp.currIndex]);
    if (ownsHistoryEntry) {
      history.replaceState({ photo: true }, '', url);
    } else {
      history.pushState({ photo: true }, '', url);
      ownsHistoryEntry = true;
    }
  });
  lightbox.on('close', () => {
    if (ownsHistoryEntry) {
      ownsHistoryEntry = false;
      history.back();
    }
  });
  // PhotoSwipe ignores close() while its opening animation runs, so a quick Back waits for it.
  let animationDone = false;
  lightbox.on('openingAnimationEnd', () => {
    animationDone = true;
  });
  lightbox.on('destroy', () => {
    animationDone = false;
  });
  window.addEventListener('popstate', () => {
    if (lightbox.pswp && ownsHistoryEntry) {
      ownsHistoryEntry = false;
      const pswp = lightbox.pswp;
      if (animationDone) {
        pswp.close();
      } else {
        pswp.on('openingAnimationEnd', () => pswp.close());
      }
    } else {
      openFromLocation();
    }
  });

  function openFromLocation() {
    const match = /^#photo=(.+)$/.exec(location.hash);
    if (!match || lightbox.pswp) {
      return;
    }
    let index;
    try {
      index = ids().indexOf(decodeURIComponent(match[1]));
    } catch (malformed) {
      index = -1;
    }
    if (index >= 0) {
      // Closing a deep-linked photo should land on the album, not on the same photo again.
      history.replaceState(null, '', location.pathname + location.search);
      lightbox.loadAndOpen(index);
    }
  }

  lightbox.init();
  grid.dataset.viewer = 'ready';
  openFromLocation();
}

// A download link shows only where the tile offers something to save: no dead controls. Saved under
// the original's name (the media's own names are sizes and digests).
function offerDownload(link, href, name) {
  link.hidden = !href;
  if (href) {
    link.href = href;
    link.setAttribute('download', name || '');
  } else {
    link.removeAttribute('href');
    link.removeAttribute('download');
  }
}

// Room below a video for its caption, so the caption does not cover the player's controls; a
// photo shows its caption over its lower edge.
const VIDEO_CAPTION_SPACE = 64;

function videoCaptionSpace(item) {
  if (item.type !== 'video') {
    return 0;
  }
  const data = item.element.dataset;
  return data.caption || data.takenAt || data.camera ? VIDEO_CAPTION_SPACE : 0;
}

// The height of a player's control bar and a little more: a press there is for the player.
const VIDEO_CONTROLS_HEIGHT = 56;

// A video slide is a <video> with the browser's own controls: it starts when played, like any
// video on the web, and stops when the viewer moves on or closes.
function showVideos(lightbox) {
  lightbox.on('contentLoad', (event) => {
    const { content } = event;
    if (content.type !== 'video') {
      return;
    }
    event.preventDefault();
    const video = document.createElement('video');
    video.className = 'pswp__video';
    video.controls = true;
    video.playsInline = true;
    video.preload = 'metadata';
    video.poster = content.data.element.dataset.poster;
    video.setAttribute('aria-label', content.data.alt || '');
    const source = document.createElement('source');
    source.src = content.data.src;
    source.type = 'video/mp4';
    video.append(source);
    // A click or a tap on the controls leaves the focus in them, where the arrow keys seek and never
    // reach the viewer; hand it back so the arrows move on as they do from a photo. Keyboard users
    // who tab into the controls (the only focus that is visible) keep them.
    video.addEventListener('focusin', () => {
      if (lightbox.pswp && !video.matches(':focus-visible')) {
        lightbox.pswp.element.focus({ preventScroll: true });
      }
    });
    content.element = video;
  });
  lightbox.on('contentDeactivate', ({ content }) => {
    stopMotion(content);
    if (content.element instanceof HTMLVideoElement) {
      content.element.pause();
    }
  });
  lightbox.on('contentDestroy', ({ content }) => {
    stopMotion(content);
    if (content.element instanceof HTMLVideoElement) {
      // A video out of the page keeps playing and loading until its source is gone.
      content.element.pause();
      content.element.replaceChildren();
      content.element.load();
    }
  });
  // Seeking on the control bar must not drag the slide; a swipe anywhere else still moves on.
  lightbox.on('pointerDown', (event) => {
    const video = lightbox.pswp.currSlide && lightbox.pswp.currSlide.content.element;
    if (!(video instanceof HTMLVideoElement)) {
      return;
    }
    const box = video.getBoundingClientRect();
    const { clientX, clientY } = event.originalEvent;
    if (clientX >= box.left && clientX <= box.right && clientY <= box.bottom
        && clientY >= box.bottom - VIDEO_CONTROLS_HEIGHT) {
      event.preventDefault();
    }
  });
}

// A Live Photo's motion plays once, with its sound, over the photo and at the photo's size, then
// the photo shows again.
function playMotion(slide) {
  const { content } = slide;
  if (content.motion || !content.element) {
    return;
  }
  const motion = document.createElement('video');
  motion.className = 'pswp__motion';
  motion.playsInline = true;
  motion.style.width = content.element.style.width;
  motion.style.height = content.element.style.height;
  const source = document.createElement('source');
  source.src = slide.data.element.dataset.motion;
  source.type = 'video/mp4';
  motion.append(source);
  content.motion = motion;
  motion.addEventListener('ended', () => stopMotion(content));
  motion.addEventListener('error', () => stopMotion(content));
  slide.container.append(motion);
  motion.play().catch(() => stopMotion(content));
}

function stopMotion(content) {
  if (content.motion) {
    content.motion.pause();
    content.motion.remove();
    content.motion = undefined;
  }
}

// Caption and date are set as text, never as HTML.
function showCaption(box, data) {
  box.replaceChildren();
  if (data.caption) {
    box.append(document.createTextNode(data.caption));
  }
  const details = [data.takenAt, data.camera].filter(Boolean).join(' \u00b7 ');
  if (details) {
    const small = document.createElement('small');
    small.textContent = details;
    box.append(small);
  }
}

// The slideshow: the play button, S or the space bar start and stop it. It moves on every few
// seconds (+ and - change how many, remembered on this device; a video plays to its end first),
// keeps the screen awake where the browser allows, and any other key, press, swipe or scroll stops
// it. The viewer already loads the next two slides ahead.
const SLIDESHOW = { minSeconds: 2, maxSeconds: 30, defaultSeconds: 5, storageKey: 'slideshowSeconds' };

class Slideshow {
  constructor(pswp) {
    this.pswp = pswp;
    this.running = false;
    this.timer = undefined;
    this.wakeLock = undefined;
    this.noticeBox = undefined;
    this.seconds = Slideshow.storedSeconds();
    pswp.on('change', () => {
      if (this.running) {
        this.schedule();
      }
    });
    document.addEventListener('visibilitychange', () => {
      if (this.running && document.visibilityState === 'visible') {
        this.keepScreenOn();
      }
    });
  }

  static storedSeconds() {
    let stored = NaN;
    try {
      stored = Number(localStorage.getItem(SLIDESHOW.storageKey));
    } catch (unavailable) {
      // private windows may refuse storage: the default applies
    }
    return Number.isInteger(stored) && stored >= SLIDESHOW.minSeconds && stored <= SLIDESHOW.maxSeconds
      ? stored : SLIDESHOW.defaultSeconds;
  }

  attach(button) {
    this.button = button;
    button.setAttribute('aria-pressed', 'false');
  }

  toggle() {
    if (this.running) {
      this.stop();
    } else {
      this.start();
    }
  }

  start() {
    // The page may set a shorter interval (the tests do), read when the slideshow starts.
    const override = Number(document.body.dataset.slideshowSeconds);
    if (override > 0) {
      this.seconds = override;
    }
    this.running = true;
    this.showState();
    const keys = matchMedia('(pointer: fine)').matches ? ' (+ and \u2212 change it)' : '';
    this.notice(`Slideshow: every ${this.seconds} s${keys}`);
    this.keepScreenOn();
    this.schedule();
  }

  stop() {
    if (!this.running) {
      return;
    }
    this.running = false;
    clearTimeout(this.timer);
    this.showState();
    this.notice('Slideshow stopped');
    if (this.wakeLock) {
      this.wakeLock.release().catch(() => {});
      this.wakeLock = undefined;
    }
  }

  changeSeconds(step) {
    this.seconds = Math.min(SLIDESHOW.maxSeconds, Math.max(SLIDESHOW.minSeconds, this.seconds + step));
    try {
      localStorage.setItem(SLIDESHOW.storageKey, String(this.seconds));
    } catch (unavailable) {
      // kept for this page only
    }
    this.notice(`Slideshow: every ${this.seconds} s`);
    this.schedule();
  }

  schedule() {
    clearTimeout(this.timer);
    const video = this.pswp.currSlide && this.pswp.currSlide.content.element;
    if (video instanceof HTMLVideoElement) {
      video.addEventListener('ended', () => this.running && this.pswp.next(), { once: true });
      video.play().catch(() => {
        this.timer = setTimeout(() => this.pswp.next(), this.seconds * 1000);
      });
      return;
    }
    this.timer = setTimeout(() => this.pswp.next(), this.seconds * 1000);
  }

  async keepScreenOn() {
    if (!('wakeLock' in navigator) || this.wakeLock) {
      return;
    }
    try {
      this.wakeLock = await navigator.wakeLock.request('screen');
      this.wakeLock.addEventListener('release', () => {
        this.wakeLock = undefined;
      });
    } catch (refused) {
      // a hidden page or a browser policy: the slideshow runs without it
    }
  }

  showState() {
    if (this.button) {
      this.button.setAttribute('aria-pressed', String(this.running));
      this.button.title = this.running ? 'Stop the slideshow (S)' : 'Start the slideshow (S)';
      this.button.setAttribute('aria-label', this.button.title);
      this.button.classList.toggle('pswp__button--playing', this.running);
    }
  }

  notice(text) {
    if (!this.noticeBox) {
      return;
    }
    this.noticeBox.textContent = text;
    this.noticeBox.classList.add('pswp__notice--shown');
    clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => this.noticeBox.classList.remove('pswp__notice--shown'), 2000);
  }
}

// The keys the viewer answers to, shown over the photo by ? or the toolbar's ? button.
const SHORTCUTS = [
  ['\u2190 \u2192', 'previous, next'],
  ['S, space', 'start or stop the slideshow'],
  ['+ \u2212', 'slideshow: slower, faster'],
  ['I', 'show or hide the photo\u2019s details'],
  ['Z', 'zoom in or out'],
  ['Esc', 'close'],
  ['?', 'show or hide these keys'],
];

function toggleHelp(pswp) {
  const open = pswp.element.querySelector('.pswp__help');
  if (open) {
    open.remove();
    return;
  }
  const panel = document.createElement('div');
  panel.className = 'pswp__help';
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', 'Keyboard shortcuts');
  const list = document.createElement('dl');
  for (const [keys, action] of SHORTCUTS) {
    const term = document.createElement('dt');
    term.textContent = keys;
    const description = document.createElement('dd');
    description.textContent = action;
    list.append(term, description);
  }
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = 'Close';
  close.addEventListener('click', () => panel.remove());
  panel.append(list, close);
  pswp.element.append(panel);
  close.focus();
}

// The info panel: the photo's date, camera, exposure, size and file name, from the tile's hidden
// list. Once opened it stays open from photo to photo until I or its button closes it.
class InfoPanel {
  constructor(pswp) {
    this.pswp = pswp;
    this.panel = undefined;
    pswp.on('change', () => this.panel && this.fill());
    pswp.on('close', () => this.close());
  }

  attach(button) {
    this.button = button;
    button.setAttribute('aria-expanded', 'false');
  }

  toggle() {
    if (this.panel) {
      this.close();
    } else {
      this.open();
    }
  }

  open() {
    this.panel = document.createElement('aside');
    this.panel.className = 'pswp__info';
    this.panel.id = 'pswp-info';
    this.panel.setAttribute('aria-label', 'Photo details');
    this.pswp.element.append(this.panel);
    this.fill();
    this.showState();
  }

  close() {
    if (this.panel) {
      this.panel.remove();
      this.panel = undefined;
      this.showState();
    }
  }

  fill() {
    const tile = this.pswp.currSlide.data.element;
    const list = tile.querySelector('.tile-info');
    const heading = document.createElement('h2');
    heading.textContent = 'Details';
    const rows = list ? list.cloneNode(true) : document.createElement('dl');
    rows.hidden = false;
    rows.className = '';
    this.panel.replaceChildren(heading, rows);
    if (tile.dataset.caption) {
      const caption = document.createElement('p');
      caption.textContent = tile.dataset.caption;
      this.panel.insertBefore(caption, rows);
    }
  }

  showState() {
    this.pswp.element.classList.toggle('pswp--info-open', Boolean(this.panel));
    if (this.button) {
      this.button.setAttribute('aria-expanded', String(Boolean(this.panel)));
      if (this.panel) {
        this.button.setAttribute('aria-controls', this.panel.id);
      } else {
        this.button.removeAttribute('aria-controls');
      }
    }
  }
}

// The album's order: by date taken, by name, or the album's own list. Offered where album.yml
// allows it, remembered per album on this device, and without this script the album's order stays.
function offerOrders(grid) {
  const choice = document.querySelector('.album-order');
  if (!choice) {
    return;
  }
  const select = choice.querySelector('select');
  const tiles = Array.from(grid.querySelectorAll('a.tile'));
  tiles.forEach((tile, index) => {
    tile.dataset.albumIndex = String(index);
  });
  const storageKey = 'photoOrder:' + location.pathname;
  let stored = null;
  try {
    stored = localStorage.getItem(storageKey);
  } catch (unavailable) {
    // private windows may refuse storage: the album's order applies
  }
  const options = Array.from(select.options, (option) => option.value);
  select.value = options.includes(stored) ? stored : choice.dataset.order;
  choice.hidden = false;
  arrange(grid, tiles, select.value);
  select.addEventListener('change', () => {
    arrange(grid, tiles, select.value);
    try {
      localStorage.setItem(storageKey, select.value);
    } catch (unavailable) {
      // kept for this page only
    }
  });
}

function arrange(grid, tiles, order) {
  const byName = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  const byAlbum = (a, b) => Number(a.dataset.albumIndex) - Number(b.dataset.albumIndex);
  const name = (tile) => decodeURIComponent(tile.dataset.photoId);
  const sorted = tiles.slice().sort((a, b) => {
    if (order === 'name') {
      return byName.compare(name(a), name(b)) || byAlbum(a, b);
    }
    if (order === 'taken-at') {
      // Photos without a date go last, in the album's order.
      const ta = a.dataset.sortTime;
      const tb = b.dataset.sortTime;
      if (ta !== tb) {
        return !ta ? 1 : !tb ? -1 : ta < tb ? -1 : 1;
      }
    }
    return byAlbum(a, b);
  });
  grid.append(...sorted);
}

// The album as one ZIP, made on request: the login origin checks the session and queues the work,
// the page asks every two seconds how far it is and starts the download once it is ready. Needs
// this script, so the buttons show only with it.
const ZIP_POLL_MS = 2000;

function offerAlbumZips() {
  const box = document.querySelector('.album-zips');
  if (!box) {
    return;
  }
  const buttons = Array.from(box.querySelectorAll('.album-zip'));
  const progress = box.querySelector('.album-zip-progress');
  const status = box.querySelector('.album-zip-status');
  const busy = (on) => buttons.forEach((button) => { button.disabled = on; });
  buttons.forEach((button) => button.addEventListener('click', async () => {
    busy(true);
    try {
      await fetchAlbumZip(new URL(button.dataset.zip, document.baseURI).pathname.slice(1), progress, status);
    } finally {
      busy(false);
    }
  }));
  box.hidden = false;
}

async function sha256Hex(text) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function fetchAlbumZip(folder, progress, status) {
  let start = true;
  for (;;) {
    let answer;
    try {
      const body = JSON.stringify({ folder, start });
      const response = await fetch('/login/zip', {
        method: 'POST',
        credentials: 'same-origin',
        // The login origin sits behind CloudFront's origin access control, which signs a POST's body
        // only through this header.
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'x-amz-content-sha256': await sha256Hex(body) },
        body,
      });
      answer = await response.json();
      if (response.status === 401) {
        answer = { state: 'failed', error: 'You are signed out. Sign in again to download the album.' };
      } else if (!response.ok) {
        answer = { state: 'failed', error: answer.error || 'The album could not be prepared.' };
      }
    } catch (unanswered) {
      answer = { state: 'failed', error: 'The gallery did not answer. Check the connection and try again.' };
    }
    start = false;
    if (answer.state === 'ready') {
      // The download starts by itself; the link is there should the browser have held it back.
      progress.hidden = true;
      const link = document.createElement('a');
      link.className = 'album-zip-link';
      link.href = answer.href;
      link.textContent = 'Download the ZIP again';
      status.replaceChildren('The ZIP is ready (' + formatBytes(Number(answer.bytes)) + '). ', link);
      location.assign(answer.href);
      return;
    }
    if (answer.state === 'failed') {
      progress.hidden = true;
      status.textContent = answer.error;
      return;
    }
    const done = Number(answer.done) || 0;
    const total = Number(answer.total) || 0;
    progress.hidden = false;
    progress.max = Math.max(total, 1);
    progress.value = done;
    status.textContent = total > 0
      ? 'Preparing the ZIP: ' + done + ' of ' + total + ' files, ' + formatBytes(Number(answer.bytes)) + ' so far.'
      : 'Preparing the ZIP...';
    await new Promise((resolve) => setTimeout(resolve, ZIP_POLL_MS));
  }
}

function formatBytes(bytes) {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes || 0;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return (unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)) + ' ' + units[unit];
}
